import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/tfCpu';
import { keepingStatistics } from './keepStatistics';

beforeAll(useCpuBackend);

function batchNormModel(): tf.LayersModel {
  const input = tf.input({ shape: [3] });
  const output = tf.layers.batchNormalization().apply(input) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

const statistics = async (model: tf.LayersModel) =>
  Promise.all(
    model.layers[1]!.nonTrainableWeights.map(async (w) => Array.from(await w.read().data())),
  );

describe('keepingStatistics', () => {
  it('leaves BatchNorm’s running mean and variance as they were after a training-mode forward', async () => {
    const model = batchNormModel();
    const x = tf.tensor2d([
      [1, 2, 3],
      [5, -1, 0],
    ]);
    const before = await statistics(model);
    const out = keepingStatistics(model, () => model.apply(x, { training: true }) as tf.Tensor);
    expect(await statistics(model)).toEqual(before);
    out.dispose();
    // The same forward outside moves them: the check above can fail.
    (model.apply(x, { training: true }) as tf.Tensor).dispose();
    expect(await statistics(model)).not.toEqual(before);
  });
});
