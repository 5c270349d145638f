import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import { callKernel, release, reshape, type NamedBackend } from './kernelCalls';
import { wasmHeap } from './wasmHeap';

type Filter = [number, number, number, number];

const plain = { transposeA: false, transposeB: false };

/** Largest patch matrix (floats) worth building: 64 MB; larger inputs take the 3-D kernel path. */
const MAX_PATCH_FLOATS = 16 * 1024 * 1024;

/**
 * A Conv2D's filter gradient on wasm as one matrix product: ∂W = Pᵀ·dY, with P the input's
 * patches (a row per output position: the window's kh, kw, ci values, zeros where padding) and
 * dY the output gradient as [positions, out-channels]. It is computed as (dYᵀ·P)ᵀ: dY has fewer
 * columns than P, so transposing it (and the small result) copies less than transposing P. The
 * product is wasm's compiled matMul; building P is one pass of plain loops over views of the
 * heap. tf.js's 3-D kernel computed the same sums several times slower. Null when P would be too
 * large.
 */
export function im2colFilter(
  on: NamedBackend,
  x: TensorInfo,
  dy: TensorInfo,
  strides: [number, number],
  pad: 'same' | 'valid',
  filterShape: Filter,
): TensorInfo | null {
  const info = tf.backend_util.computeConv2DInfo(x.shape as Filter, filterShape, strides, 1, pad);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const rows = batchSize * outHeight * outWidth;
  const width = filterHeight * filterWidth * inChannels;
  if (rows * width > MAX_PATCH_FLOATS) return null;
  const heap = wasmHeap(on.backend);
  const patches = heap.makeOutput([rows, width], 'float32');
  // Views after the allocation: a growing heap detaches older ones.
  const p = heap.typedArrayFromHeap(patches);
  const input = heap.typedArrayFromHeap(x);
  let at = 0;
  for (let b = 0; b < batchSize; b++)
    for (let oy = 0; oy < outHeight; oy++)
      for (let ox = 0; ox < outWidth; ox++)
        for (let kh = 0; kh < filterHeight; kh++) {
          const iy = oy * strideHeight + kh - top;
          for (let kw = 0; kw < filterWidth; kw++) {
            const ix = ox * strideWidth + kw - left;
            if (iy < 0 || iy >= inHeight || ix < 0 || ix >= inWidth) {
              p.fill(0, at, at + inChannels);
            } else {
              const from = ((b * inHeight + iy) * inWidth + ix) * inChannels;
              for (let c = 0; c < inChannels; c++) p[at + c] = input[from + c]!;
            }
            at += inChannels;
          }
        }
  const dy2 = reshape(on, dy, [rows, outChannels]);
  const dyT = callKernel(on, 'Transpose', { x: dy2 }, { perm: [1, 0] });
  const dwT = callKernel(on, 'BatchMatMul', { a: dyT, b: patches }, plain);
  const dw = callKernel(on, 'Transpose', { x: dwT }, { perm: [1, 0] });
  const shaped = reshape(on, dw, filterShape);
  release(on, patches, dy2, dyT, dwT, dw);
  return shaped;
}
