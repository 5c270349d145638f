import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/tfCpu';
import { SelfAttention } from './selfAttention';

beforeAll(useCpuBackend);

/** Plain-array reference: one head, keyDim = d, identity projections, zero biases. */
function reference(x: number[][]): number[][] {
  const d = x[0]!.length;
  const attended = x.map((qi) => {
    const scores = x.map((kj) => qi.reduce((s, v, c) => s + v * kj[c]!, 0) / Math.sqrt(d));
    const max = Math.max(...scores);
    const weights = scores.map((s) => Math.exp(s - max));
    const total = weights.reduce((a, b) => a + b, 0);
    return Array.from({ length: d }, (_, c) =>
      x.reduce((s, vj, j) => s + (weights[j]! / total) * vj[c]!, 0),
    );
  });
  return x.map((xi, i) => {
    const r = xi.map((v, c) => v + attended[i]![c]!);
    const mean = r.reduce((a, b) => a + b, 0) / d;
    const variance = r.reduce((a, b) => a + (b - mean) ** 2, 0) / d;
    return r.map((v) => (v - mean) / Math.sqrt(variance + 1e-5));
  });
}

describe('SelfAttention', () => {
  it('matches a hand-computed example', async () => {
    const x = [
      [1, 0, 2],
      [0, 1, -1],
      [2, 2, 0],
      [-1, 0.5, 1],
    ];
    const layer = new SelfAttention({ heads: 1, keyDim: 3 });
    const input = tf.tensor3d([x]);
    layer.apply(input); // builds the weights
    const eye = tf.eye(3);
    // Identity Q, K, V and output kernels; biases start at 0, gamma at 1, beta at 0.
    layer.setWeights(layer.getWeights().map((w) => (w.rank === 2 ? eye : w)));
    const out = (layer.apply(input) as tf.Tensor).squeeze([0]);
    const got = (await out.array()) as number[][];
    reference(x).forEach((row, i) => row.forEach((v, c) => expect(got[i]![c]).toBeCloseTo(v, 5)));
  });

  it('splits heads: two heads differ from one head of the same width', async () => {
    const x = tf.randomNormal([2, 5, 4], 0, 1, 'float32', 3);
    const one = new SelfAttention({ heads: 1, keyDim: 4, seed: 1 });
    const two = new SelfAttention({ heads: 2, keyDim: 2, seed: 1 });
    one.apply(x);
    two.apply(x);
    two.setWeights(one.getWeights()); // same numbers, different head split
    const a = await (one.apply(x) as tf.Tensor).data();
    const b = await (two.apply(x) as tf.Tensor).data();
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect((one.apply(x) as tf.Tensor).shape).toEqual([2, 5, 4]);
  });

  it('trains: gradients reach every weight', () => {
    const layer = new SelfAttention({ heads: 2, keyDim: 3, seed: 5 });
    const x = tf.randomNormal([3, 4, 6], 0, 1, 'float32', 9);
    layer.apply(x);
    const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(
      () => tf.sum(tf.square(layer.apply(x) as tf.Tensor)) as tf.Scalar,
      variables,
    );
    expect(Object.keys(grads)).toHaveLength(10);
  });
});
