import { describe, expect, it } from 'vitest';
import { describeDataset } from '../data/loadDataset';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import type { ModelSpec } from '../spec/types';
import { encoderBlockId, taskBlockId } from '../spec/blocks';
import { validateDesign } from './validateDesign';
import { validateConfig, validateData, validateSpec } from './validate';

const schema = describeDataset(DEFAULT_DATA);
const withTask = (patch: Partial<ModelSpec['tasks'][number]>, index = 1): ModelSpec => ({
  ...DEFAULT_MODEL,
  tasks: DEFAULT_MODEL.tasks.map((t, i) => (i === index ? { ...t, ...patch } : t)),
});
const messages = (spec: ModelSpec): string[] => validateSpec(spec, schema).map((p) => p.message);

describe('validateSpec', () => {
  it('accepts the default design', () => {
    expect(validateSpec(DEFAULT_MODEL, schema)).toEqual([]);
    expect(validateConfig(DEFAULT_TRAIN, DEFAULT_MODEL)).toEqual([]);
    expect(validateData(DEFAULT_DATA)).toEqual([]);
  });

  it('names the task with 0 output units', () => {
    expect(messages(withTask({ name: 'b', outputUnits: 0 }))).toEqual([
      "Task 'b': 0 output units; a head needs at least 1",
    ]);
  });

  it('explains loss and target mismatches', () => {
    expect(messages(withTask({ loss: 'softmaxCrossEntropy' }))[0]).toMatch(/needs a class target/);
    expect(messages(withTask({ loss: 'mse' }, 0))[0]).toMatch(/MSE needs a regression target/);
    expect(messages(withTask({ outputUnits: 3 }, 0))[0]).toMatch(
      /softmax over 2 classes needs 2 output units, not 3/,
    );
    expect(messages(withTask({ loss: 'sigmoidBinaryCrossEntropy' }, 0))[0]).toMatch(
      /needs 1 output unit, not 2/,
    );
    expect(messages(withTask({ target: 'nope' }))[0]).toMatch(/no target 'nope'/);
  });

  it('reports every problem at once, each located', () => {
    const spec: ModelSpec = {
      ...DEFAULT_MODEL,
      encoder: [
        { type: 'dense', units: 0, activation: 'relu', l2: 0 },
        { type: 'dropout', rate: 1 },
      ],
      tasks: [
        DEFAULT_MODEL.tasks[0]!,
        { ...DEFAULT_MODEL.tasks[1]!, name: 'gauss' },
        { ...DEFAULT_MODEL.tasks[1]!, name: '9bad' },
      ],
    };
    const problems = validateSpec(spec, schema);
    expect(problems.map((p) => p.where)).toEqual([
      'encoder[0]',
      'encoder[1]',
      'task:gauss',
      'task:9bad',
    ]);
    expect(problems[0]!.message).toBe('Shared layer 1: Dense needs 1 to 4096 units, got 0');
    expect(problems[2]!.message).toMatch(/two tasks share this name/);
  });

  it('rejects a design with no task and a wrong input width', () => {
    const problems = validateSpec(
      { ...DEFAULT_MODEL, input: { kind: 'features', size: 3 }, tasks: [] },
      schema,
    ).map((p) => p.message);
    expect(problems).toEqual([
      'The model reads features [3] but the dataset gives features [2]',
      'Add at least one task',
    ]);
  });
});

describe('validateSpec, per kind of mistake', () => {
  it.each([
    [
      'a metric that does not fit the target',
      withTask({ metric: 'accuracy' }),
      "Task 'plane': accuracy needs a class target (use MAE, RMSE or R²)",
    ],
    [
      'a regression metric on classes',
      withTask({ metric: 'r2' }, 0),
      "Task 'gauss': R2 measures regression; use accuracy for a class target",
    ],
    [
      'Huber on classes',
      withTask({ loss: 'huber' }, 0),
      "Task 'gauss': Huber needs a regression target; this target has classes (use a cross-entropy loss)",
    ],
    [
      'one MMoE expert',
      { ...DEFAULT_MODEL, sharing: { mode: 'mmoe', experts: 1 } },
      'MMoE experts must be 2 to 16, got 1',
    ],
    [
      'a zero kernel',
      {
        ...DEFAULT_MODEL,
        input: { kind: 'features', size: 2 },
        encoder: [
          {
            type: 'conv2d',
            filters: 4,
            kernelSize: 0,
            strides: 1,
            padding: 'same',
            activation: 'relu',
          },
        ],
      },
      'Shared layer 1: Conv2D needs 1 to 15 as kernel size, got 0',
    ],
    [
      'a shape mistake, once parameters are fine',
      {
        ...DEFAULT_MODEL,
        encoder: [
          {
            type: 'conv2d',
            filters: 4,
            kernelSize: 3,
            strides: 1,
            padding: 'same',
            activation: 'relu',
          },
        ],
      },
      'Shared layer 1: Conv2D needs an image input [h, w, c]; this input is [2]',
    ],
  ] as [string, ModelSpec, string][])('explains %s', (_label, spec, message) => {
    expect(messages(spec)).toContain(message);
  });
});

describe('validateConfig', () => {
  it('rejects bad hyper-parameters and a missing or negative λ', () => {
    const problems = validateConfig(
      { ...DEFAULT_TRAIN, learningRate: -1, batchSize: 0, lambdas: { gauss: -0.5 } },
      DEFAULT_MODEL,
    );
    expect(problems.map((p) => p.where)).toEqual([
      'config.learningRate',
      'config.batchSize',
      'task:gauss',
      'task:plane',
    ]);
    expect(problems[2]!.message).toBe("Task 'gauss': λ must be from 0 to 100, got -0.5");
  });
});

describe('frozen blocks', () => {
  const design = (blocks: Record<string, { trainable: boolean; lrScale: number }>) =>
    validateDesign({
      spec: DEFAULT_MODEL,
      config: { ...DEFAULT_TRAIN, blocks },
      data: DEFAULT_DATA,
    }).map((p) => p.message);
  const frozen = { trainable: false, lrScale: 1 };

  it('refuses freezing every block: nothing would train', () => {
    const all = Object.fromEntries([
      ...DEFAULT_MODEL.encoder.map((_, i) => [encoderBlockId(i), frozen]),
      ...DEFAULT_MODEL.tasks.map((t) => [taskBlockId(t.name), frozen]),
    ]);
    expect(design(all)).toEqual([
      'Every block is frozen: nothing would train. Unfreeze at least one block.',
    ]);
    const [last, ...rest] = DEFAULT_MODEL.tasks;
    expect(design({ ...all, [taskBlockId(last!.name)]: { trainable: true, lrScale: 1 } })).toEqual(
      [],
    );
    expect(rest.length).toBeGreaterThan(0);
  });

  it('names the block whose multiplier is out of range', () => {
    expect(design({ [encoderBlockId(0)]: { trainable: true, lrScale: 0 } })[0]).toMatch(
      /Shared layer 1 .*multiplier must be above 0 and at most 100, got 0/,
    );
    expect(design({ [encoderBlockId(0)]: { trainable: true, lrScale: Number.NaN } })).toHaveLength(
      1,
    );
  });
});

describe('validateData', () => {
  it('keeps both splits non-empty', () => {
    expect(validateData({ ...DEFAULT_DATA, size: 5, valFraction: 0 }).map((p) => p.where)).toEqual([
      'data.size',
      'data.valFraction',
    ]);
  });
});
