import type { MetricKind } from '../../src/spec/types';
import { gainOverBaselines } from '../../src/train/multiTaskGain';
import { decimate, type Point } from '../charts/decimate';
import { emaSmooth } from '../charts/smooth';
import type { SavedRun } from './runStore';

export type CompareSplit = 'train' | 'val';
export type CompareX = 'step' | 'time';

/** Points per compared line: about what a chart's pixels can show. */
const MAX_POINTS = 2000;

/** Seconds of training at a step, from the run's training times (NaN when unknown). */
function timeAt(run: SavedRun, step: number): number {
  const times = run.curves.trainTime;
  const steps = run.curves.trainLoss.steps;
  if (!times?.length) return NaN;
  // Steps are ascending: the last training step at or before `step`.
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid]! <= step) lo = mid;
    else hi = mid - 1;
  }
  return times[lo] ?? NaN;
}

/** One run's loss curve of a task: smoothed, against steps or training seconds, decimated. */
export function compareLine(
  run: SavedRun,
  task: string,
  split: CompareSplit,
  x: CompareX,
  smoothing: number,
): Point[] {
  const index = run.tasks.indexOf(task);
  if (index < 0) return [];
  const series = split === 'train' ? run.curves.trainLoss : run.curves.valLoss;
  const values = emaSmooth(series.values[index] ?? [], smoothing);
  const xs = x === 'step' ? series.steps : series.steps.map((s) => timeAt(run, s));
  const known = Array.from(xs.keys()).filter((i) => Number.isFinite(xs[i]));
  return decimate(
    known.map((i) => xs[i]!),
    known.map((i) => values[i]!),
    MAX_POINTS,
  );
}

/** A compared task: its name and the metric its runs report. */
export interface CompareTask {
  name: string;
  metric: MetricKind;
}

/** Every task of the runs, in order of first appearance. */
export function compareTasks(runs: SavedRun[]): CompareTask[] {
  const seen = new Map<string, MetricKind>();
  for (const run of runs)
    for (const t of run.design.spec.tasks) if (!seen.has(t.name)) seen.set(t.name, t.metric);
  return [...seen].map(([name, metric]) => ({ name, metric }));
}

/** A run's latest validation metric of a task. */
export function finalMetric(run: SavedRun, task: string): number | undefined {
  const i = run.tasks.indexOf(task);
  return i < 0 ? undefined : run.curves.valMetric.values[i]?.at(-1);
}

/** A run's Δm% against its baselines, if it has them. */
export function runDeltaM(run: SavedRun): number | null {
  if (!run.baselines) return null;
  return gainOverBaselines(
    run.tasks,
    run.curves.valMetric,
    run.design.spec.tasks,
    run.baselines.results,
  );
}

/** Ids of the runs with the best value: highest when `higherIsBetter`, else lowest. */
export function bestRuns(
  runs: SavedRun[],
  value: (run: SavedRun) => number | null | undefined,
  higherIsBetter: boolean,
): Set<string> {
  const scored = runs.flatMap((r) => {
    const v = value(r);
    return v === null || v === undefined || !Number.isFinite(v) ? [] : [{ id: r.id, v }];
  });
  if (scored.length < 2) return new Set();
  const best = higherIsBetter
    ? Math.max(...scored.map((s) => s.v))
    : Math.min(...scored.map((s) => s.v));
  return new Set(scored.filter((s) => s.v === best).map((s) => s.id));
}
