import * as tf from '@tensorflow/tfjs';
import type { KernelOverride } from './override';

type Pair = [number, number];
const pair = (v: number | Pair): Pair => (typeof v === 'number' ? [v, v] : v);

/**
 * tf.js's wasm convolution hands 'same' padding to its compiled library as a flag, and with a
 * stride above 1 the library places the padding differently from TensorFlow (whose extra row
 * goes to the bottom and right): outputs come out wrong. The same padding spelt out row by row
 * is computed right, so 'same' becomes the explicit padding tf.js itself computes for it.
 */
function explicitSamePadding(kernelName: string): KernelOverride {
  return {
    kernelName,
    backendName: 'wasm',
    replaces: true,
    kernelFunc: (_on, inputs, attrs, original) => {
      const { pad, strides, dilations, dataFormat } = attrs as {
        pad: unknown;
        strides: number | Pair;
        dilations: number | Pair;
        dataFormat?: string;
      };
      const [sh, sw] = pair(strides);
      if (pad !== 'same' || (sh === 1 && sw === 1) || (dataFormat && dataFormat !== 'NHWC'))
        return original!(inputs, attrs);
      const x = inputs.x!;
      const filter = inputs.filter!;
      const { top, bottom, left, right } = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        filter.shape as [number, number, number, number],
        [sh, sw],
        dilations ?? 1,
        'same',
      ).padInfo;
      const explicit = [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ];
      return original!(inputs, { ...attrs, pad: explicit });
    },
  };
}

export const samePadding: KernelOverride[] = [
  explicitSamePadding('Conv2D'),
  explicitSamePadding('FusedConv2D'),
];
