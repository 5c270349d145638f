import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../spec/defaults';
import { PRESETS } from '../spec/presets';
import { useCpuBackend } from '../testing/tfCpu';
import { buildModel } from './buildModel';
import { splitAtRepresentation } from './splitModel';

beforeAll(useCpuBackend);

describe('splitAtRepresentation', () => {
  it('computes the same outputs as the full model, sharing its weights, and frees everything', async () => {
    const before = tf.memory().numTensors;
    const model = buildModel(DEFAULT_MODEL, 1);
    const split = splitAtRepresentation(model, DEFAULT_MODEL)!;
    const x = tf.randomNormal([4, 2], 0, 1, 'float32', 1);
    const full = model.predict(x) as tf.Tensor[];
    for (let i = 0; i < 2; i++) {
      const viaSplit = tf.tidy(() => split.heads[i]!(split.encoder(x, false), false));
      expect(Array.from(await viaSplit.data())).toEqual(Array.from(await full[i]!.data()));
      viaSplit.dispose();
    }
    split.dispose();
    const again = model.predict(x) as tf.Tensor[]; // the full model still works
    expect(await again[0]!.data()).toEqual(await full[0]!.data());
    tf.dispose(again);
    tf.dispose([x, ...full]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('has no single representation under MMoE', () => {
    const mmoe = PRESETS.find((p) => p.id === 'mmoe')!.spec;
    const model = buildModel(mmoe, 1);
    expect(splitAtRepresentation(model, mmoe)).toBeNull();
    model.dispose();
  });
});
