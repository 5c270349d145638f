import { describe, expect, it } from 'vitest';
import { parallelView } from './chartData';

describe('parallel coordinates of an experiment', () => {
  it('puts every task’s best run at the top and its worst at the bottom, whichever way is better', () => {
    const tasks = [
      { name: 'digit', metric: 'accuracy' as const },
      { name: 'size', metric: 'mae' as const },
      { name: 'x', metric: 'r2' as const },
    ];
    const runs = [
      { method: 0, metrics: [0.9, 0.3, 0.5] },
      { method: 0, metrics: [0.8, 0.1, 0.5] },
      { method: 1, metrics: [0.7, 0.2, 0.5] },
    ];
    const view = parallelView(tasks, runs, [{ method: 0, metrics: [0.85, 0.2, 0.5] }]);
    expect(view.axes.map((a) => [a.worst, a.best])).toEqual([
      [0.7, 0.9],
      [0.3, 0.1], // mae: lower is better
      [0.5, 0.5],
    ]);
    const scaled = view.lines.map((l) => l.scaled.map((v) => Math.round(v * 100) / 100 + 0));
    expect(scaled).toEqual([
      [1, 0, 0.5], // an axis where every run is equal sits in the middle
      [0.5, 1, 0.5],
      [0, 0.5, 0.5],
      [0.75, 0.5, 0.5],
    ]);
    expect(view.lines.map((l) => l.mean)).toEqual([false, false, false, true]);
    expect(view.lines[3]!.raw).toEqual([0.85, 0.2, 0.5]);
  });
});
