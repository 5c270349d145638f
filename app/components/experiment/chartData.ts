import type { MetricKind } from '../../../src/spec/types';
import { meanBand, stepGrid } from '../../../src/train/experiment/curves';
import { paretoFront } from '../../../src/train/experiment/statistics';
import type { ExperimentSpec } from '../../../src/spec/experiment';
import type { CellResult, ExperimentSummary } from '../../../src/train/experiment/summary';
import { metricSign } from '../../../src/train/multiTaskGain';
import type { MethodCurves, ParallelView, ParetoRun } from '../../charts/experimentChartTypes';
import type { SavedRun } from '../../history/runStore';

/** Points per mean curve: smooth enough to read, few enough to draw at once for every method. */
const GRID_POINTS = 60;

/**
 * Parallel coordinates for three tasks or more: one axis per task, every run a line through its
 * final metrics and every method's mean a bold one. Each axis runs from the worst run (0) to the
 * best (1), so up is better on every task whatever its metric.
 */
export function parallelView(
  tasks: { name: string; metric: MetricKind }[],
  runs: { method: number; metrics: number[] }[],
  means: { method: number; metrics: number[] }[],
): ParallelView {
  const axes = tasks.map((t, i) => {
    const sign = metricSign(t.metric);
    const values = runs.map((r) => r.metrics[i]!).filter(Number.isFinite);
    const ordered = values.map((v) => sign * v);
    const worst = ordered.length ? sign * Math.min(...ordered) : Number.NaN;
    const best = ordered.length ? sign * Math.max(...ordered) : Number.NaN;
    return { ...t, worst, best };
  });
  const scale = (v: number, i: number) => {
    const { worst, best } = axes[i]!;
    return best === worst ? 0.5 : (v - worst) / (best - worst);
  };
  const line = (mean: boolean) => (r: { method: number; metrics: number[] }) => ({
    method: r.method,
    mean,
    raw: r.metrics,
    scaled: r.metrics.map(scale),
  });
  return { axes, lines: [...runs.map(line(false)), ...means.map(line(true))] };
}

/** What the experiment's charts draw, from its results and the saved runs' validation curves. */
export function experimentChartData(
  spec: ExperimentSpec,
  results: readonly CellResult[],
  savedRuns: readonly SavedRun[],
  summary: ExperimentSummary,
): {
  tasks: { name: string; metric: MetricKind }[];
  curves: MethodCurves[];
  pareto: { runs: ParetoRun[]; means: ParetoRun[]; front: ParetoRun[] } | null;
  parallel: ParallelView | null;
} {
  const tasks = spec.design.spec.tasks.map((t) => ({ name: t.name, metric: t.metric }));
  const byId = new Map(savedRuns.map((r) => [r.id, r]));
  const grid = stepGrid(1, spec.steps, GRID_POINTS);
  const kept = results.filter((r) => !r.diverged);
  const curves = spec.methods.map((m, method) => {
    const runs = kept.flatMap((r) => {
      const saved = r.method === method ? byId.get(r.runId) : undefined;
      return saved ? [saved] : [];
    });
    return {
      label: m.label,
      method,
      tasks: tasks.map((_, i) =>
        meanBand(
          runs.map((run) => ({
            steps: run.curves.valMetric.steps,
            values: run.curves.valMetric.values[i] ?? [],
          })),
          grid,
        ),
      ),
    };
  });
  if (tasks.length > 2) {
    const means = summary.rows.map((row) => ({
      method: row.method,
      metrics: row.metric.map((m) => m?.mean ?? Number.NaN),
    }));
    return { tasks, curves, pareto: null, parallel: parallelView(tasks, kept, means) };
  }
  if (tasks.length !== 2) return { tasks, curves, pareto: null, parallel: null };
  const runs = kept.map((r) => ({ method: r.method, x: r.metrics[0]!, y: r.metrics[1]! }));
  const signs = tasks.map((t) => metricSign(t.metric));
  const front = paretoFront(
    runs.map((r) => [r.x, r.y]),
    signs,
  )
    .map((i) => runs[i]!)
    .sort((a, b) => a.x - b.x);
  const means = summary.rows.flatMap((row) => {
    const [x, y] = [row.metric[0]?.mean, row.metric[1]?.mean];
    return x === undefined || y === undefined ? [] : [{ method: row.method, x, y }];
  });
  return { tasks, curves, pareto: { runs, means, front }, parallel: null };
}
