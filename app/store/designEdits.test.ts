import { describe, expect, it } from 'vitest';
import { describeDataset } from '../../src/data/loadDataset';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../../src/spec/defaults';
import { validateSpec } from '../../src/spec/validate';
import { addTask, removeTask, renameTask, setTaskLoss, setTaskTarget } from './designEdits';

const schema = describeDataset(DEFAULT_DATA);
const design = { spec: DEFAULT_MODEL, config: DEFAULT_TRAIN };

describe('design edits', () => {
  it('adds a task on an unused target with a fitting loss and λ = 1, then a numbered twin', () => {
    let d = addTask(design, schema);
    expect(d.spec.tasks[2]).toEqual({
      name: 'xor',
      target: 'xor',
      head: [],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
    });
    d = addTask(addTask(d, schema), schema);
    expect(d.spec.tasks.map((t) => t.name)).toEqual(['circle', 'wave', 'xor', 'bowl', 'circle_2']);
    expect(d.config.lambdas).toMatchObject({ xor: 1, bowl: 1, circle_2: 1 });
    expect(validateSpec(d.spec, schema)).toEqual([]);
  });

  it('moves λ with a rename and drops it with a removal', () => {
    const renamed = renameTask(
      { ...design, config: { ...DEFAULT_TRAIN, lambdas: { circle: 1, wave: 3 } } },
      1,
      'height',
    );
    expect(renamed.config.lambdas).toEqual({ circle: 1, height: 3 });
    expect(removeTask(renamed, 0).config.lambdas).toEqual({ height: 3 });
  });

  it('keeps loss and output width consistent with the target', () => {
    let spec = setTaskTarget(DEFAULT_MODEL, 1, 'xor', schema);
    expect(spec.tasks[1]).toMatchObject({
      target: 'xor',
      loss: 'softmaxCrossEntropy',
      outputUnits: 2,
    });
    spec = setTaskLoss(spec, 1, 'sigmoidBinaryCrossEntropy', schema);
    expect(spec.tasks[1]).toMatchObject({ loss: 'sigmoidBinaryCrossEntropy', outputUnits: 1 });
    spec = setTaskTarget(spec, 1, 'bowl', schema);
    expect(spec.tasks[1]).toMatchObject({ loss: 'mse', outputUnits: 1 });
    expect(validateSpec(spec, schema)).toEqual([]);
  });
});
