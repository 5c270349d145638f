import * as tf from '@tensorflow/tfjs';
import type { KernelOverride } from './override';
import { wasmHeap } from './wasmHeap';

type Pair = [number, number];

/**
 * tf.js's wasm MaxPoolGrad sends a window's gradient to the window's first input when every
 * input in it is negative (pooling after ReLU never shows it; pooling a linear convolution or
 * standardized inputs does). This one follows TensorFlow: each window's gradient goes to its
 * first largest input. Plain loops: a pooling layer's backward pass reads each input a few times
 * and costs little beside the convolutions.
 */
export const maxPoolGrad: KernelOverride = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  replaces: true,
  kernelFunc: ({ backend }, inputs, attrs) => {
    const { filterSize, strides, pad, dimRoundingMode } = attrs as {
      filterSize: number | Pair;
      strides: number | Pair;
      pad: 'same' | 'valid' | number;
      dimRoundingMode?: 'floor' | 'round' | 'ceil';
    };
    const heap = wasmHeap(backend);
    const input = inputs.input!;
    const info = tf.backend_util.computePool2DInfo(
      input.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    const out = heap.makeOutput(input.shape, 'float32');
    // Views after the allocation: a growing heap detaches older ones.
    const x = heap.typedArrayFromHeap(input);
    const dy = heap.typedArrayFromHeap(inputs.dy!);
    const dx = heap.typedArrayFromHeap(out);
    dx.fill(0);
    const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
    const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
    const { top, left } = info.padInfo;
    let g = 0; // dy's index, in its own (b, y, x, c) order
    for (let b = 0; b < batchSize; b++)
      for (let oy = 0; oy < outHeight; oy++) {
        const y0 = oy * strideHeight - top;
        for (let ox = 0; ox < outWidth; ox++) {
          const x0 = ox * strideWidth - left;
          for (let c = 0; c < channels; c++, g++) {
            let best = -Infinity;
            let at = -1;
            for (let y = Math.max(y0, 0); y < Math.min(y0 + filterHeight, inHeight); y++)
              for (let xx = Math.max(x0, 0); xx < Math.min(x0 + filterWidth, inWidth); xx++) {
                const i = ((b * inHeight + y) * inWidth + xx) * channels + c;
                if (x[i]! > best) {
                  best = x[i]!;
                  at = i;
                }
              }
            if (at >= 0) dx[at] = dx[at]! + dy[g]!;
          }
        }
      }
    return out;
  },
};
