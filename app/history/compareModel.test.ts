import { describe, expect, it } from 'vitest';
import { DEFAULT_DESIGN } from '../store/appStore';
import { seriesFrom } from '../store/runView';
import { bestRuns, compareLine, compareTasks, runDeltaM } from './compareModel';
import type { SavedRun } from './runStore';

const run = (
  id: string,
  accuracy: number,
  mae: number,
  extra: Partial<SavedRun> = {},
): SavedRun => ({
  id,
  name: id,
  createdAt: 0,
  updatedAt: 0,
  design: DEFAULT_DESIGN,
  state: 'done',
  step: 4,
  backend: 'cpu',
  tasks: ['gauss', 'plane'],
  params: 371,
  curves: {
    trainLoss: seriesFrom({
      steps: [1, 2, 3, 4],
      values: [
        [4, 2, 2, 2],
        [1, 1, 1, 1],
      ],
    }),
    valLoss: seriesFrom({
      steps: [2, 4],
      values: [
        [3, 2],
        [1, 0.5],
      ],
    }),
    valMetric: seriesFrom({
      steps: [2, 4],
      values: [
        [0.5, accuracy],
        [0.3, mae],
      ],
    }),
    weights: seriesFrom({
      steps: [1, 2, 3, 4],
      values: [
        [1, 1, 1, 1],
        [1, 1, 1, 1],
      ],
    }),
    trainTime: Float64Array.of(0.5, 1, 1.5, 2),
  },
  checkpointStep: 4,
  ...extra,
});

describe('comparing runs', () => {
  it('draws a task curve against steps or training seconds, smoothed', () => {
    const r = run('a', 0.9, 0.2);
    expect(compareLine(r, 'gauss', 'train', 'step', 0)).toEqual([
      { step: 1, value: 4 },
      { step: 2, value: 2 },
      { step: 3, value: 2 },
      { step: 4, value: 2 },
    ]);
    expect(compareLine(r, 'plane', 'val', 'time', 0)).toEqual([
      { step: 1, value: 1 },
      { step: 2, value: 0.5 },
    ]);
    expect(compareLine(r, 'gauss', 'train', 'step', 0.5)[1]!.value).toBeCloseTo(2 / 0.75 + 0, 6);
    expect(compareLine(r, 'missing', 'train', 'step', 0)).toEqual([]);
  });

  it('marks the best run per column: highest accuracy, lowest MAE, highest Δm', () => {
    const runs = [
      run('a', 0.9, 0.2, {
        baselines: {
          steps: 4,
          results: [
            { task: 'gauss', metric: 0.8, loss: 0 },
            { task: 'plane', metric: 0.25, loss: 0 },
          ],
        },
      }),
      run('b', 0.95, 0.3),
    ];
    expect(compareTasks(runs)).toEqual([
      { name: 'gauss', metric: 'accuracy' },
      { name: 'plane', metric: 'mae' },
    ]);
    expect([...bestRuns(runs, (r) => r.curves.valMetric.values[0]!.at(-1), true)]).toEqual(['b']);
    expect([...bestRuns(runs, (r) => r.curves.valMetric.values[1]!.at(-1), false)]).toEqual(['a']);
    // (0.9 − 0.8)/0.8 = 12.5 %; −(0.2 − 0.25)/0.25 = 20 %; mean 16.25 %.
    expect(runDeltaM(runs[0]!)).toBeCloseTo(16.25, 6);
    expect(runDeltaM(runs[1]!)).toBeNull();
  });
});
