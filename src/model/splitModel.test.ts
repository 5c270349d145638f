import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../spec/defaults';
import { PRESETS } from '../design/presets';
import { useCpuBackend } from '../testing/tfCpu';
import { buildModel, parameterGroups } from './buildModel';
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

  it.each([
    ['a dense encoder, traced', DEFAULT_MODEL, true],
    [
      'an encoder with layer norm, run again by tf.js',
      { ...DEFAULT_MODEL, encoder: [...DEFAULT_MODEL.encoder, { type: 'layerNorm' as const }] },
      false,
    ],
  ])('gives tf.js’s product through %s', async (_, spec, traced) => {
    const before = tf.memory().numTensors;
    const model = buildModel(spec, 1);
    const split = splitAtRepresentation(model, spec)!;
    const variables = parameterGroups(model, spec).shared;
    const x = tf.randomNormal([6, 2], 0, 1, 'float32', 3);
    const encoded = split.encode(x);
    expect(encoded.saved.length > 0).toBe(traced);
    const dy = tf.randomNormal(encoded.h.shape, 0, 1, 'float32', 4);
    const ours = split.encoderVjp(x, encoded, dy, variables);
    const { value, grads } = tf
      .engine()
      .gradients(() => split.encoder(x, true), variables, dy, true);
    for (const [i, g] of ours.entries()) {
      const expected = await grads[i]!.data();
      (await g.data()).forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 4));
    }
    tf.dispose([x, encoded.h, ...encoded.saved, dy, value, ...ours, ...grads.map((g) => g!)]);
    split.dispose();
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
