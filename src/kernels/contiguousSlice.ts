import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import type { KernelOverride } from './override';
import { wasmHeap } from './wasmHeap';

/**
 * tf.js's wasm Slice copies the whole input out of the wasm heap (`readSync`) before taking its
 * part — and SplitV does that once per part. Splitting the flat parameter vector of a parameter
 * group (train/paramGroups.ts) cost more than the whole backward pass in Chromium. A contiguous
 * part (every leading axis whole, or of size one) is one copy from a view of the heap; other
 * slices go to tf.js.
 */
function contiguousPart(
  backend: tf.KernelBackend,
  x: TensorInfo,
  begin: number[],
  size: number[],
): TensorInfo | null {
  if (x.dtype === 'string') return null;
  const [begin_, size_] = tf.slice_util.parseSliceParams(x, begin, size) as [number[], number[]];
  if (!tf.slice_util.isSliceContinous(x.shape, begin_, size_)) return null;
  const offset = tf.slice_util.computeFlatOffset(begin_, tf.util.computeStrides(x.shape));
  const heap = wasmHeap(backend);
  const out = heap.makeOutput(size_, x.dtype);
  // Views after the allocation: a growing heap detaches older ones.
  const source = heap.typedArrayFromHeap(x);
  heap.typedArrayFromHeap(out).set(source.subarray(offset, offset + tf.util.sizeFromShape(size_)));
  return out;
}

const slice: KernelOverride = {
  kernelName: 'Slice',
  backendName: 'wasm',
  replaces: true,
  kernelFunc: ({ backend }, inputs, attrs, original) => {
    const { begin, size } = attrs as { begin: number[]; size: number[] };
    return contiguousPart(backend, inputs.x!, begin, size) ?? original!(inputs, attrs);
  },
};

const splitV: KernelOverride = {
  kernelName: 'SplitV',
  backendName: 'wasm',
  replaces: true,
  kernelFunc: ({ backend }, inputs, attrs, original) => {
    const x = inputs.x!;
    const { numOrSizeSplits, axis } = attrs as { numOrSizeSplits: number | number[]; axis: number };
    const at = tf.util.parseAxisParam(axis, x.shape)[0]!;
    if (x.shape.slice(0, at).some((d) => d !== 1)) return original!(inputs, attrs);
    const sizes = tf.backend_util.prepareSplitSize(x, numOrSizeSplits, at);
    const begin = x.shape.map(() => 0);
    return sizes.map((s) => {
      const size = [...x.shape];
      size[at] = s;
      const part = contiguousPart(backend, x, [...begin], size)!;
      begin[at] = begin[at]! + s;
      return part;
    });
  },
};

export const contiguousSlices: KernelOverride[] = [slice, splitV];
