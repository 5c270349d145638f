import * as tf from '@tensorflow/tfjs';
import type { TensorInfo } from '@tensorflow/tfjs';
import { callKernel, release, reshape, type NamedBackend } from './kernelCalls';
import { im2colFilter } from './im2colFilter';
import type { KernelOverride } from './override';

interface FilterAttrs {
  strides: [number, number] | number;
  pad: unknown;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: string;
  filterShape: [number, number, number, number];
}

type Filter = [number, number, number, number];

/** ∂W of a 2-D convolution through tf.js's 3-D kernel, on inputs given a depth of 1. */
function conv3dFilter(
  on: NamedBackend,
  x: TensorInfo,
  dy: TensorInfo,
  strides: [number, number],
  pad: 'same' | 'valid',
  filterShape: Filter,
): TensorInfo {
  const x5 = reshape(on, x, [x.shape[0]!, 1, ...x.shape.slice(1)]);
  const dy5 = reshape(on, dy, [dy.shape[0]!, 1, ...dy.shape.slice(1)]);
  const dw5 = callKernel(
    on,
    'Conv3DBackpropFilterV2',
    { x: x5, dy: dy5 },
    { strides: [1, ...strides], pad, filterShape: [1, ...filterShape] },
  );
  const dw = reshape(on, dw5, filterShape);
  release(on, x5, dy5, dw5);
  return dw;
}

const pad = (on: NamedBackend, x: TensorInfo, paddings: [number, number][]): TensorInfo =>
  callKernel(on, 'PadV2', { x }, { paddings, constantValue: 0 });

/**
 * The same ∂W with every stride 1: a strided convolution's filter gradient is the unit-stride
 * one over the explicitly padded input, with dy spread out by the strides (zeros between its
 * values) to the unit-stride output's size.
 */
function unitStrideFilter(
  on: NamedBackend,
  x: TensorInfo,
  dy: TensorInfo,
  strides: [number, number],
  padding: 'same' | 'valid',
  filterShape: Filter,
): TensorInfo {
  const [sh, sw] = strides;
  const [batch, h, w] = x.shape as number[];
  const [, oh, ow, out] = dy.shape as number[];
  const [kh, kw] = filterShape;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as Filter,
    filterShape,
    strides,
    1,
    padding,
  );
  const { top, bottom, left, right } = info.padInfo;
  const made: TensorInfo[] = [];
  const keep = (t: TensorInfo) => (made.push(t), t);
  try {
    const xp = keep(
      pad(on, x, [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ]),
    );
    const th = h! + top + bottom - kh + 1;
    const tw = w! + left + right - kw + 1;
    const dy6 = keep(reshape(on, dy, [batch!, oh!, 1, ow!, 1, out!]));
    const spread = keep(
      pad(on, dy6, [
        [0, 0],
        [0, 0],
        [0, sh - 1],
        [0, 0],
        [0, sw - 1],
        [0, 0],
      ]),
    );
    const flat = keep(reshape(on, spread, [batch!, oh! * sh, ow! * sw, out!]));
    const [ch, cw] = [Math.min(oh! * sh, th), Math.min(ow! * sw, tw)];
    const cut = keep(
      callKernel(on, 'Slice', { x: flat }, { begin: [0, 0, 0, 0], size: [batch!, ch, cw, out!] }),
    );
    const dyUnit = keep(
      pad(on, cut, [
        [0, 0],
        [0, th - ch],
        [0, tw - cw],
        [0, 0],
      ]),
    );
    return conv3dFilter(on, xp, dyUnit, [1, 1], 'valid', filterShape);
  } finally {
    release(on, ...made);
  }
}

/**
 * A Conv2D's filter gradient as the depth-1 case of Conv3D's: the same sums, which tf.js computes
 * in compiled code on wasm (where the 2-D kernel does not exist, so no CNN could train) and with
 * typed-array loops on cpu (where the 2-D kernel is orders of magnitude slower). Both 3-D kernels
 * get strides > 1 wrong (kernels.test.ts finds it), so strides are unfolded first
 * (`unitStrideFilter`).
 * Layouts tf.js's layers never produce (NCHW, numeric or explicit padding, rounding modes) go to
 * tf.js's own kernel where there is one. `first`, where given, is a faster way tried before the
 * 3-D kernel (null when it declines the inputs).
 */
function viaConv3d(backendName: string, first: typeof im2colFilter | null = null): KernelOverride {
  return {
    kernelName: 'Conv2DBackpropFilter',
    backendName,
    uses: ['Conv3DBackpropFilterV2', 'Reshape', 'PadV2', 'Slice', 'BatchMatMul', 'Transpose'],
    kernelFunc: (on, inputs, attrs, original) => {
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
        attrs as unknown as FilterAttrs;
      if (dataFormat !== 'NHWC' || (pad !== 'same' && pad !== 'valid') || dimRoundingMode) {
        if (original) return original(inputs, attrs);
        throw new Error(
          `Conv2D's filter gradient on ${backendName} supports NHWC with 'same' or 'valid' padding only`,
        );
      }
      const pair: [number, number] = typeof strides === 'number' ? [strides, strides] : strides;
      const fast = first?.(on, inputs.x!, inputs.dy!, pair, pad, filterShape);
      if (fast) return fast;
      const strided = pair[0] > 1 || pair[1] > 1;
      const gradient = strided ? unitStrideFilter : conv3dFilter;
      return gradient(on, inputs.x!, inputs.dy!, pair, pad, filterShape);
    },
  };
}

/** On wasm the matrix product of the patches comes first (`im2colFilter.ts`). */
export const conv2dBackpropFilter: KernelOverride[] = [
  viaConv3d('wasm', im2colFilter),
  viaConv3d('cpu'),
];
