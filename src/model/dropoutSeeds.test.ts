import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/tfCpu';
import { reseedDropout } from './dropoutSeeds';

beforeAll(useCpuBackend);

describe('reseedDropout', () => {
  it('draws a new mask each step, the same sequence for the same seed', async () => {
    const input = tf.input({ shape: [64] });
    const model = tf.model({
      inputs: input,
      outputs: tf.layers.dropout({ rate: 0.5, seed: 1 }).apply(input) as tf.SymbolicTensor,
    });
    const x = tf.ones([1, 64]);
    const mask = async (seed: number, step: number) => {
      reseedDropout(model, seed, step);
      return Array.from(await (model.apply(x, { training: true }) as tf.Tensor).data());
    };
    const first = await mask(3, 0);
    expect(await mask(3, 1)).not.toEqual(first);
    expect(await mask(3, 0)).toEqual(first);
    expect(await mask(4, 0)).not.toEqual(first);
  });
});
