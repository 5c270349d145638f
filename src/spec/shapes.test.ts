import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../model/buildModel';
import { useCpuBackend } from '../testing/tfCpu';
import { DEFAULT_MODEL } from './defaults';
import { inferShapes } from './shapes';
import type { ModelSpec } from './types';

beforeAll(useCpuBackend);

const deeper: ModelSpec = {
  inputDim: 5,
  encoder: [
    { type: 'dense', units: 7, activation: 'tanh' },
    { type: 'dropout', rate: 0.3 },
    { type: 'dense', units: 3, activation: 'elu' },
  ],
  tasks: [
    {
      name: 'a',
      target: 'circle',
      head: [
        { type: 'dense', units: 4, activation: 'relu' },
        { type: 'dropout', rate: 0.1 },
      ],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
    },
    { name: 'b', target: 'wave', head: [], outputUnits: 1, loss: 'mae' },
    { name: 'c', target: 'xor', head: [], outputUnits: 1, loss: 'sigmoidBinaryCrossEntropy' },
  ],
};

describe('inferShapes', () => {
  it.each([
    ['default', DEFAULT_MODEL],
    ['deeper', deeper],
    ['no encoder', { ...deeper, encoder: [] }],
  ])('matches what tf.js builds (%s)', (_label, spec) => {
    const shapes = inferShapes(spec);
    const model = buildModel(spec, 1);
    expect(shapes.totalParams).toBe(model.countParams());
    for (const layer of [
      ...shapes.encoder,
      ...shapes.tasks.flatMap((t) => [...t.head, t.output]),
    ]) {
      const built = model.getLayer(layer.name);
      expect(built.countParams()).toBe(layer.params);
      expect((built.outputShape as number[])[1]).toBe(layer.outputDim);
    }
    expect(model.outputNames).toEqual(spec.tasks.map((t) => t.name));
    model.dispose();
  });

  it('counts the default example by hand', () => {
    // 2→16: 48, 16→16: 272, heads 16→2: 34 and 16→1: 17
    expect(inferShapes(DEFAULT_MODEL).totalParams).toBe(48 + 272 + 34 + 17);
  });
});
