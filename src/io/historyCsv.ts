/** Per-task series aligned with `steps`, as the app records them. */
interface Series {
  steps: ArrayLike<number>;
  values: ArrayLike<number>[];
}

/** What a run's history CSV is made of. */
export interface RunHistory {
  tasks: string[];
  trainLoss: Series;
  weights: Series;
  valLoss: Series;
  valMetric: Series;
  /** Seconds of training at each training step. */
  trainTime: ArrayLike<number>;
}

const cell = (v: number | undefined): string => (v === undefined ? '' : String(v));
/** A header cell, quoted when it holds a comma or a quote (task names cannot, but stay safe). */
const header = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A run's whole history as CSV: one row per training step with each task's loss and λ, and the
 * validation loss and metric on the rows where validation ran (empty elsewhere).
 */
export function historyCsv(run: RunHistory): string {
  const val = new Map(Array.from(run.valLoss.steps, (s, k) => [s, k]));
  const columns = [
    'step',
    'train_seconds',
    ...run.tasks.flatMap((t) => [
      `${t}_train_loss`,
      `${t}_lambda`,
      `${t}_val_loss`,
      `${t}_val_metric`,
    ]),
  ];
  const rows = Array.from(run.trainLoss.steps, (step, k) => {
    const v = val.get(step);
    return [
      String(step),
      cell(run.trainTime[k]),
      ...run.tasks.flatMap((_, i) => [
        cell(run.trainLoss.values[i]?.[k]),
        cell(run.weights.values[i]?.[k]),
        v === undefined ? '' : cell(run.valLoss.values[i]?.[v]),
        v === undefined ? '' : cell(run.valMetric.values[i]?.[v]),
      ]),
    ].join(',');
  });
  return [columns.map(header).join(','), ...rows].join('\n') + '\n';
}
