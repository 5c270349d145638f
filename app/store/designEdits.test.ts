import { describe, expect, it } from 'vitest';
import { describeDataset } from '../../src/data/loadDataset';
import { PRESETS } from '../../src/design/presets';
import { newLayer } from '../../src/layers/registry';
import { validateSpec } from '../../src/design/validate';
import {
  addLayer,
  addTask,
  moveLayer,
  removeLayer,
  removeTask,
  renameTask,
  setTaskLoss,
  setTaskTarget,
  updateLayer,
  type Design,
} from './designEdits';

/** Circle + wave: the 2-D design whose free targets the expectations below list in order. */
const { spec: circleWave, config, data } = PRESETS.find((p) => p.id === 'toy2d')!;
const schema = describeDataset(data);
const design: Design = { spec: circleWave, config, data };

describe('design edits', () => {
  it('adds a task on an unused target with a fitting loss, metric and λ = 1, then a numbered twin', () => {
    let d = addTask(design, schema);
    expect(d.spec.tasks[2]).toEqual({
      name: 'xor',
      target: 'xor',
      head: [],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    });
    for (let k = 0; k < 5; k++) d = addTask(d, schema);
    expect(d.spec.tasks.map((t) => t.name)).toEqual([
      ...['circle', 'wave', 'xor', 'gauss', 'spiral', 'bowl', 'plane'],
      'circle_2',
    ]);
    expect(d.spec.tasks[5]).toMatchObject({ loss: 'mse', metric: 'mae' });
    expect(d.config.lambdas).toMatchObject({ xor: 1, bowl: 1, circle_2: 1 });
    expect(validateSpec(d.spec, schema)).toEqual([]);
  });

  it('moves λ with a rename and drops it with a removal', () => {
    const renamed = renameTask(
      { ...design, config: { ...config, lambdas: { circle: 1, wave: 3 } } },
      1,
      'height',
    );
    expect(renamed.config.lambdas).toEqual({ circle: 1, height: 3 });
    expect(removeTask(renamed, 0).config.lambdas).toEqual({ height: 3 });
  });

  it('keeps loss, metric and output width consistent with the target', () => {
    let d = setTaskTarget(design, 1, 'xor', schema);
    expect(d.spec.tasks[1]).toMatchObject({
      target: 'xor',
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
      outputUnits: 2,
    });
    d = setTaskLoss(d, 1, 'sigmoidBinaryCrossEntropy', schema);
    expect(d.spec.tasks[1]).toMatchObject({ loss: 'sigmoidBinaryCrossEntropy', outputUnits: 1 });
    d = setTaskTarget(d, 1, 'bowl', schema);
    expect(d.spec.tasks[1]).toMatchObject({ loss: 'mse', metric: 'mae', outputUnits: 1 });
    expect(validateSpec(d.spec, schema)).toEqual([]);
  });

  it('adds, updates, moves and removes layers in the encoder and in heads', () => {
    let spec = addLayer(circleWave, 0);
    expect(spec.tasks[0]!.head).toEqual([newLayer('dense')]);
    spec = updateLayer(spec, { task: null, index: 1 }, newLayer('dropout'));
    expect(spec.encoder.map((l) => l.type)).toEqual(['dense', 'dropout']);
    spec = moveLayer(spec, { task: null, index: 1 }, -1);
    expect(spec.encoder.map((l) => l.type)).toEqual(['dropout', 'dense']);
    expect(moveLayer(spec, { task: null, index: 0 }, -1)).toBe(spec);
    spec = removeLayer(spec, { task: 0, index: 0 });
    expect(spec.tasks[0]!.head).toEqual([]);
  });
});
