import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../spec/defaults';
import { PRESETS } from '../design/presets';
import type { Activation, LayerSpec, ModelSpec } from '../spec/types';
import { useCpuBackend } from '../testing/tfCpu';
import { buildModel, parameterGroups } from './buildModel';
import { traceEncoder } from './encoderTrace';
import { splitAtRepresentation } from './splitModel';

beforeAll(useCpuBackend);

const dense = (units: number, activation: Activation): LayerSpec => ({
  type: 'dense',
  units,
  activation,
  l2: 0,
});
const withEncoder = (spec: ModelSpec, encoder: LayerSpec[]): ModelSpec => ({ ...spec, encoder });
const mnist = PRESETS.find((p) => p.id === 'mnist')!.spec;

/**
 * The traced backward against tf.js's own gradients of ⟨encoder(x), dy⟩ (what the Trainer used
 * before), for every shared variable, and the traced h against the model's own encoder.
 */
async function compareWithTfjs(spec: ModelSpec, inputShape: number[]): Promise<void> {
  const before = tf.memory().numTensors;
  const model = buildModel(spec, 3);
  const split = splitAtRepresentation(model, spec)!;
  const trace = traceEncoder(model, spec);
  expect(trace).not.toBeNull();
  const variables = parameterGroups(model, spec).shared;
  const x = tf.randomNormal(inputShape, 0, 1, 'float32', 7);
  const { h, inputs } = trace!.forward(x);
  const reference = split.encoder(x, true);
  expect(Array.from(await h.data())).toEqual(Array.from(await reference.data()));
  const dy = tf.randomNormal(h.shape, 0, 1, 'float32', 11);
  const ours = trace!.backward(inputs, h, dy);
  const { value, grads: theirs } = tf
    .engine()
    .gradients(() => split.encoder(x, true), variables, dy, true);
  expect(Object.keys(ours)).toHaveLength(variables.length);
  for (const [i, v] of variables.entries()) {
    const a = await ours[v.name]!.data();
    const b = await theirs[i]!.data();
    expect(a.length).toBe(b.length);
    a.forEach((value, k) => expect(value).toBeCloseTo(b[k]!, 4));
  }
  tf.dispose([
    x,
    h,
    ...inputs,
    reference,
    dy,
    value,
    ...Object.values(ours),
    ...theirs.map((g) => g!),
  ]);
  split.dispose();
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
}

describe('traceEncoder', () => {
  it.each(['relu', 'tanh', 'sigmoid', 'linear'] as const)(
    'gives tf.js’s gradients through dense %s layers without a second forward pass',
    async (activation) =>
      compareWithTfjs(
        withEncoder(DEFAULT_MODEL, [dense(8, activation), dense(6, activation)]),
        [5, 2],
      ),
  );

  it('goes through a flatten to the first dense layer of an image model (the wide MLP)', async () =>
    compareWithTfjs(
      withEncoder(mnist, [{ type: 'flatten' }, dense(16, 'relu'), dense(8, 'tanh')]),
      [4, 28, 28, 1],
    ));

  it.each<[string, LayerSpec[]]>([
    ['dropout (its mask is not in the output)', [dense(8, 'relu'), { type: 'dropout', rate: 0.2 }]],
    ['elu (its derivative needs the input)', [dense(8, 'elu')]],
    ['layer norm', [dense(8, 'relu'), { type: 'layerNorm' }]],
  ])('leaves encoders with %s to tf.js', (_, encoder) => {
    const spec = withEncoder(DEFAULT_MODEL, encoder);
    const model = buildModel(spec, 1);
    expect(traceEncoder(model, spec)).toBeNull();
    model.dispose();
  });

  it('leaves dense layers on images without a flatten, and convolutions, to tf.js', () => {
    for (const spec of [
      withEncoder(mnist, [dense(8, 'relu')]),
      PRESETS.find((p) => p.id === 'multimnist')!.spec,
    ]) {
      const model = buildModel(spec, 1);
      expect(traceEncoder(model, spec)).toBeNull();
      model.dispose();
    }
  });
});
