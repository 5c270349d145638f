import type { BackendName } from '../worker/protocol';
import type { StrategyId } from '../spec/weighting';
import type { Timing } from './referenceLoops';
import type { WorkloadId } from './workloads';

/**
 * The ways of training one workload that the benchmark compares: the app as it runs (with
 * validation every `evalEvery` steps), the app with validation off (the cost of streaming
 * metrics alone), tf.js's bare `optimizer.minimize` loop and tf.js's `model.fit`.
 */
export const MODES = ['app', 'stream', 'bare', 'fit'] as const;
export type Mode = (typeof MODES)[number];

/** One measurement the page asks the bench worker for. */
export type BenchJob =
  | { kind: 'backend'; backend: BackendName }
  | { kind: 'train'; mode: Mode; workload: WorkloadId; steps: number }
  | { kind: 'strategy'; strategy: StrategyId; workload: WorkloadId; steps: number };

export type BenchAnswer =
  | { id: number; ok: true; timing?: Timing; adapter?: string; problem?: string | null }
  | { id: number; ok: false; message: string };
