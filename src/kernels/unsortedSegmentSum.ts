import { callKernel, release, reshape } from './kernelCalls';
import type { KernelOverride } from './override';

/**
 * The gradient of a gather (an Embedding layer's lookup) sums rows into segments, and tf.js's
 * wasm backend has no UnsortedSegmentSum. Its ScatterNd adds updates that land on the same row,
 * which is the same sum: row i of x goes to segment segmentIds[i].
 */
export const unsortedSegmentSum: KernelOverride = {
  kernelName: 'UnsortedSegmentSum',
  backendName: 'wasm',
  uses: ['ScatterNd', 'Reshape', 'Cast'],
  kernelFunc: (on, inputs, attrs) => {
    const { numSegments } = attrs as { numSegments: number };
    const x = inputs.x!;
    const ids = inputs.segmentIds!;
    const count = ids.shape.reduce((a, b) => a * b, 1);
    const rest = x.shape.slice(ids.shape.length);
    const indices = reshape(on, ids, [count, 1]);
    const int32 =
      ids.dtype === 'int32' ? indices : callKernel(on, 'Cast', { x: indices }, { dtype: 'int32' });
    const updates = reshape(on, x, [count, ...rest]);
    try {
      return callKernel(
        on,
        'ScatterNd',
        { indices: int32, updates },
        { shape: [numSegments, ...rest] },
      );
    } finally {
      release(on, indices, updates, ...(int32 === indices ? [] : [int32]));
    }
  },
};
