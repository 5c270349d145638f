import type { MetricKind, SequenceSettings } from '../../spec/types';

/**
 * Where a task sequence stands, and what the continual-learning literature reads from it: the
 * accuracy matrix R (Lopez-Paz & Ranzato 2017: R[i][j] is the metric on task j after training
 * stage i), the average accuracy, backward transfer and forgetting (Chaudhry et al. 2018).
 * No tf.js here: the page computes these from the validations the run reported.
 */

/** Defaults of a new sequence (the panel's starting values). */
export const SEQUENCE_DEFAULTS = {
  stageSteps: 300,
  remedy: 'finetune',
  replayPerTask: 200,
  ewcStrength: 100,
} as const satisfies Omit<SequenceSettings, 'order'>;

/** The stage that trains step `step + 1` (steps count from 0 before the first). */
export function stageOf(step: number, sequence: SequenceSettings): number {
  return Math.min(Math.floor(step / sequence.stageSteps), sequence.order.length - 1);
}

/** The steps at which stages end: validation is always taken there. */
export function isStageEnd(step: number, sequence: SequenceSettings): boolean {
  return step > 0 && step % sequence.stageSteps === 0;
}

/** Steps from `step` to the end of its stage (so a chunk of steps stops there). */
export function stepsToStageEnd(step: number, sequence: SequenceSettings): number {
  return sequence.stageSteps - (step % sequence.stageSteps);
}

/** The step budget of a sequence: every stage once. */
export const sequenceSteps = (sequence: SequenceSettings): number =>
  sequence.order.length * sequence.stageSteps;

/** +1 where a larger metric is better (accuracy, R²), −1 where smaller is (MAE, RMSE). */
export const metricSign = (metric: MetricKind): 1 | -1 =>
  metric === 'mae' || metric === 'rmse' ? -1 : 1;

/** One validation as the run view keeps it. */
export interface StageEvaluation {
  step: number;
  /** Metric per task, in the design's task order. */
  metrics: number[];
}

/**
 * R[i][j]: the metric on the j-th task of the order after stage i, for every stage that has
 * ended and been validated (rows stop at the first stage without a validation at its end).
 */
export function accuracyMatrix(
  sequence: SequenceSettings,
  taskNames: string[],
  evaluations: StageEvaluation[],
): number[][] {
  const columns = sequence.order.map((name) => taskNames.indexOf(name));
  const atStep = new Map(evaluations.map((e) => [e.step, e.metrics]));
  const rows: number[][] = [];
  for (let stage = 0; stage < sequence.order.length; stage++) {
    const metrics = atStep.get((stage + 1) * sequence.stageSteps);
    if (!metrics) break;
    rows.push(columns.map((c) => metrics[c] ?? Number.NaN));
  }
  return rows;
}

/** What the matrix says after its last row: k stages done. */
export interface ContinualSummary {
  /** Mean metric over the k tasks trained so far, after stage k. */
  average: number;
  /**
   * Backward transfer: mean over the first k − 1 tasks of (R[k−1][j] − R[j][j]), signed so that
   * negative means worse (forgetting) for every metric. Null before a second stage ends.
   */
  backwardTransfer: number | null;
  /** Mean over the first k − 1 tasks of the drop from their best earlier value to now (≥ 0 is lost). */
  forgetting: number | null;
}

/** Average accuracy, BWT and forgetting from R; `signs` per column (metricSign of each task in order). */
export function continualSummary(matrix: number[][], signs: number[]): ContinualSummary | null {
  const k = matrix.length;
  if (k === 0) return null;
  const last = matrix[k - 1]!;
  const average = mean(last.slice(0, k));
  if (k < 2) return { average, backwardTransfer: null, forgetting: null };
  const earlier = Array.from({ length: k - 1 }, (_, j) => j);
  const backwardTransfer = mean(earlier.map((j) => signs[j]! * (last[j]! - matrix[j]![j]!)));
  const forgetting = mean(
    earlier.map((j) => {
      const best = Math.max(...matrix.slice(0, k - 1).map((row) => signs[j]! * row[j]!));
      return best - signs[j]! * last[j]!;
    }),
  );
  return { average, backwardTransfer, forgetting };
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
