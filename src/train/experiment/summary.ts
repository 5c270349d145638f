import type { MetricKind } from '../../spec/types';
import { deltaM, metricSign } from '../multiTaskGain';
import { ranks, stat, type Stat } from './statistics';

/** What one finished run of an experiment gave. */
export interface CellResult {
  method: number;
  seed: number;
  runId: string;
  /** Final validation metric and loss per task, in the design's task order. */
  metrics: number[];
  losses: number[];
  /** Seconds of training. */
  seconds: number;
  /** A loss stopped being finite: the run is shown, not averaged. */
  diverged: boolean;
}

/** Each task trained alone with one seed: its final validation metric and loss. */
export type SeedBaselines = { task: string; metric: number; loss: number }[];

/** One method's row of the results table. */
export interface MethodRow {
  method: number;
  label: string;
  /** Finished runs, and how many of them diverged. */
  runs: number;
  diverged: number;
  metric: (Stat | null)[];
  loss: (Stat | null)[];
  /** Δm % over the same seed's baselines, over runs (null: no baselines yet). */
  deltaM: Stat | null;
  /** Mean over tasks of the method's rank on that task's mean metric (1 = best). */
  rank: number | null;
  seconds: Stat | null;
}

/** The results table: rows, and the best row of each column (null: nothing to compare). */
export interface ExperimentSummary {
  tasks: { name: string; metric: MetricKind }[];
  rows: MethodRow[];
  best: {
    metric: (number | null)[];
    loss: (number | null)[];
    deltaM: number | null;
    rank: number | null;
  };
}

/** The row with the best value (the first of tied ones); null when fewer than two rows have one. */
function bestOf(values: (number | null | undefined)[], sign: 1 | -1): number | null {
  const r = ranks(
    values.map((v) => v ?? null),
    sign,
  );
  if (r.filter((v) => v !== null).length < 2) return null;
  let best: number | null = null;
  r.forEach((v, i) => {
    if (v !== null && (best === null || v < r[best]!)) best = i;
  });
  return best;
}

/** Summarizes an experiment's finished runs into its results table. */
export function summarizeExperiment(
  tasks: { name: string; metric: MetricKind }[],
  methods: { label: string }[],
  results: readonly CellResult[],
  baselines: Readonly<Record<number, SeedBaselines>>,
): ExperimentSummary {
  const rows = methods.map((m, method): MethodRow => {
    const runs = results.filter((r) => r.method === method);
    const kept = runs.filter((r) => !r.diverged);
    const gains = kept.flatMap((r) => {
      const base = baselines[r.seed];
      if (!base) return [];
      const pairs = tasks.map((t, i) => ({
        metric: t.metric,
        multiTask: r.metrics[i]!,
        baseline: base.find((b) => b.task === t.name)?.metric ?? Number.NaN,
      }));
      const gain = deltaM(pairs);
      return gain === null ? [] : [gain];
    });
    return {
      method,
      label: m.label,
      runs: runs.length,
      diverged: runs.length - kept.length,
      metric: tasks.map((_, i) => stat(kept.map((r) => r.metrics[i]!))),
      loss: tasks.map((_, i) => stat(kept.map((r) => r.losses[i]!))),
      deltaM: stat(gains),
      rank: null,
      seconds: stat(runs.map((r) => r.seconds)),
    };
  });
  const taskRanks = tasks.map((t, i) =>
    ranks(
      rows.map((r) => r.metric[i]?.mean ?? null),
      metricSign(t.metric),
    ),
  );
  for (const row of rows) {
    const own = taskRanks.map((r) => r[row.method]).filter((r): r is number => r !== null);
    row.rank = own.length === tasks.length ? own.reduce((a, b) => a + b, 0) / own.length : null;
  }
  return {
    tasks,
    rows,
    best: {
      metric: tasks.map((t, i) =>
        bestOf(
          rows.map((r) => r.metric[i]?.mean),
          metricSign(t.metric),
        ),
      ),
      loss: tasks.map((_, i) =>
        bestOf(
          rows.map((r) => r.loss[i]?.mean),
          -1,
        ),
      ),
      deltaM: bestOf(
        rows.map((r) => r.deltaM?.mean),
        1,
      ),
      rank: bestOf(
        rows.map((r) => r.rank),
        -1,
      ),
    },
  };
}
