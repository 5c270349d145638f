import { describe, expect, it } from 'vitest';
import { experimentCells, experimentSeeds } from '../../spec/experiment';
import { paretoFront, ranks, stat } from './statistics';
import { summarizeExperiment, type CellResult } from './summary';
import { summaryCsv, summaryMarkdown } from './table';

const tasks = [
  { name: 'a', metric: 'accuracy' as const },
  { name: 'b', metric: 'mae' as const },
];
const methods = [{ label: 'Equal' }, { label: 'MGDA' }];
const run = (method: number, seed: number, metrics: number[], seconds: number, diverged = false) =>
  ({
    method,
    seed,
    runId: `${method}-${seed}`,
    metrics,
    losses: metrics.map((m) => m / 2),
    seconds,
    diverged,
  }) satisfies CellResult;
const results = [
  run(0, 1, [0.875, 0.25], 10),
  run(0, 2, [0.625, 0.75], 12),
  run(1, 1, [1, 0.5], 20),
  run(1, 2, [Number.NaN, Number.NaN], 5, true),
];
const baselines = {
  1: [
    { task: 'a', metric: 0.875, loss: 0.3 },
    { task: 'b', metric: 0.3125, loss: 0.2 },
  ],
  2: [
    { task: 'a', metric: 0.625, loss: 0.4 },
    { task: 'b', metric: 0.9375, loss: 0.3 },
  ],
};

describe('experiment arithmetic', () => {
  it('takes mean and sample standard deviation of the finite values', () => {
    expect(stat([1, 2, 3, 4])).toEqual({ mean: 2.5, std: Math.sqrt(5 / 3), n: 4 });
    expect(stat([7])).toEqual({ mean: 7, std: 0, n: 1 });
    expect(stat([Number.NaN])).toBeNull();
  });

  it('ranks with ties sharing their mean rank, either direction', () => {
    expect(ranks([3, 1, 2, null, 3], 1)).toEqual([1.5, 4, 3, null, 1.5]);
    expect(ranks([3, 1, 2], -1)).toEqual([3, 1, 2]);
  });

  it('finds the Pareto front, duplicates included', () => {
    const points = [
      [1, 1],
      [2, 0],
      [0, 2],
      [0.5, 0.5],
      [2, 0],
    ];
    expect(paretoFront(points, [1, 1])).toEqual([0, 1, 2, 4]);
    expect(paretoFront(points, [-1, -1])).toEqual([1, 2, 3, 4]);
  });

  it('lays out every method with every seed, seed by seed', () => {
    expect(experimentSeeds(7, 3)).toEqual([7, 8, 9]);
    expect(experimentCells({ methods: [{}, {}] as never, seeds: [1, 2] })).toEqual([
      { method: 0, seed: 1 },
      { method: 1, seed: 1 },
      { method: 0, seed: 2 },
      { method: 1, seed: 2 },
    ]);
  });

  it('summarizes a hand-computed table: means, Δm % per seed, ranks, best, diverged', () => {
    const summary = summarizeExperiment(tasks, methods, results, baselines);
    const [equal, mgda] = summary.rows;
    expect(equal!.metric[0]!.mean).toBe(0.75);
    expect(equal!.metric[0]!.std).toBeCloseTo(Math.SQRT2 * 0.125, 12);
    expect(equal!.metric[1]!.mean).toBe(0.5);
    // Equal: a matches its baseline on both seeds, b's MAE is 20 % lower: Δm = (0 + 20) / 2.
    expect(equal!.deltaM!.mean).toBeCloseTo(10, 10);
    expect(equal!.deltaM!.std).toBeCloseTo(0, 10);
    // MGDA, seed 1 only (seed 2 diverged): a +14.3 %, b −60 %.
    expect(mgda!.deltaM!.mean).toBeCloseTo((100 * (0.125 / 0.875 - 0.6)) / 2, 10);
    expect(mgda!.deltaM!.n).toBe(1);
    expect([mgda!.runs, mgda!.diverged]).toEqual([2, 1]);
    // Task a: MGDA 1st, Equal 2nd; task b: tied at 0.5 → 1.5 each.
    expect([equal!.rank, mgda!.rank]).toEqual([1.75, 1.25]);
    expect(summary.best).toEqual({ metric: [1, 0], loss: [0, 0], deltaM: 0, rank: 1 });
    expect(equal!.seconds!.mean).toBe(11);
  });

  it('writes the table as CSV and Markdown', () => {
    const summary = summarizeExperiment(tasks, methods, results, baselines);
    const csv = summaryCsv(summary).trim().split('\n');
    expect(csv[0]).toBe(
      'method,runs,diverged,a accuracy mean,a accuracy std,a loss mean,a loss std,b mae mean,b mae std,b loss mean,b loss std,delta_m_percent mean,delta_m_percent std,mean rank,seconds per run',
    );
    expect(csv[1]).toBe('Equal,2,0,0.75,0.1768,0.375,0.08839,0.5,0.3536,0.25,0.1768,10,0,1.75,11');
    expect(summaryMarkdown(summary)).toBe(
      [
        '| Method | a (accuracy) | b (mae) | Δm % | Mean rank | Runs |',
        '| --- | --- | --- | --- | --- | --- |',
        '| Equal | 0.75 ± 0.1768 | **0.5 ± 0.3536** | **10 ± 0** | 1.75 | 2 |',
        '| MGDA | **1 ± 0** | 0.5 ± 0 | -22.86 ± 0 | **1.25** | 2 (1 diverged) |',
        '',
      ].join('\n'),
    );
  });
});
