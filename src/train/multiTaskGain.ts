import type { MetricKind } from '../spec/types';

/** Whether a larger value of a metric is better (+1) or worse (−1). */
export const metricSign = (metric: MetricKind): 1 | -1 =>
  metric === 'accuracy' || metric === 'r2' ? 1 : -1;

/**
 * Δm% as LibMTL reports it: 100 · (1/T) · Σᵢ sᵢ · (Mᵢ − Bᵢ) / Bᵢ, with Mᵢ the multi-task model's
 * metric on task i, Bᵢ the single-task baseline's, sᵢ = +1 where higher is better and −1 where
 * lower is better. Positive: sharing helped. Divided by |Bᵢ| so that a negative R² baseline keeps
 * the sign's meaning. Null when a baseline is 0 (the ratio has no meaning).
 */
export function deltaM(
  tasks: { metric: MetricKind; multiTask: number; baseline: number }[],
): number | null {
  if (tasks.length === 0) return null;
  let sum = 0;
  for (const { metric, multiTask, baseline } of tasks) {
    if (baseline === 0 || !Number.isFinite(baseline) || !Number.isFinite(multiTask)) return null;
    sum += (metricSign(metric) * (multiTask - baseline)) / Math.abs(baseline);
  }
  return (100 * sum) / tasks.length;
}

/**
 * A run's Δm% over its single-task baselines, from each task's latest validation metric
 * (`valMetric.values[i]` belongs to `tasks[i]`). Null until every task has both numbers.
 */
export function gainOverBaselines(
  tasks: readonly string[],
  valMetric: { values: ArrayLike<number>[] },
  specTasks: readonly { name: string; metric: MetricKind }[],
  baselines: readonly { task: string; metric: number }[],
): number | null {
  const pairs = baselines.flatMap((b) => {
    const metric = specTasks.find((t) => t.name === b.task)?.metric;
    const values = valMetric.values[tasks.indexOf(b.task)];
    const multiTask = values?.[values.length - 1];
    return metric && multiTask !== undefined ? [{ metric, multiTask, baseline: b.metric }] : [];
  });
  return pairs.length === tasks.length ? deltaM(pairs) : null;
}
