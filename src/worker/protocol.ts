import type { InsightRequest, Insights } from '../train/insights/views';
import type { CsvSummary } from '../data/csv/csvSummary';
import type { DataPreview } from '../data/preview';
import type { BlockTraining, DataSpec, ModelSpec, TrainConfig } from '../spec/types';
import type { DecisionMap } from '../train/predictionViews';
import type { WeightingSettings } from '../spec/weighting';
import type { Point } from '../train/toy/cagradToy';
import type { ToyStrategy } from '../train/toy/trajectory';
import type { Evaluation, StepLosses } from '../train/trainer';

export { BACKENDS, type BackendChoice, type BackendName } from './backendOrder';
import type { BackendChoice, BackendName } from './backendOrder';

/** Everything a run is built from. */
export interface RunDesign {
  spec: ModelSpec;
  config: TrainConfig;
  data: DataSpec;
}

/** Messages from the UI to the worker. Run-scoped ones carry the run's id. */
export type ToWorker =
  | { type: 'selectBackend'; choice: BackendChoice }
  /** Asks what Auto would train this design on (answered by a `backendPlan`). */
  | { type: 'planBackend'; design: RunDesign }
  | { type: 'train'; runId: string; design: RunDesign }
  | { type: 'step'; runId: string; design: RunDesign }
  | { type: 'pause'; runId: string }
  | { type: 'reset' }
  | { type: 'setLambdas'; runId: string; lambdas: Record<string, number> }
  | { type: 'setLearningRate'; runId: string; learningRate: number }
  | { type: 'setBatchSize'; runId: string; batchSize: number }
  | { type: 'setWeighting'; runId: string; weighting: WeightingSettings }
  /** Frozen blocks and learning-rate multipliers, from the next step on. */
  | { type: 'setBlocks'; runId: string; blocks: Record<string, BlockTraining> | undefined }
  | { type: 'export'; runId: string }
  /** Trains each task of the run alone for `steps` steps (single-task baselines for Δm%). */
  | { type: 'baselines'; runId: string; design: RunDesign; steps: number }
  /** Asks for the run's weights to keep (answered by a `checkpoint`, no download). */
  | { type: 'checkpoint'; runId: string }
  /** Rebuilds a saved run from its design and checkpoint, to evaluate it or train on. */
  | {
      type: 'restore';
      runId: string;
      design: RunDesign;
      step: number;
      checkpoint: { modelJson: string; weightData: ArrayBuffer } | null;
    }
  /** Parses the user's CSV file in the worker, which keeps it for the runs that use it. */
  | { type: 'loadCsv'; requestId: number; file: Blob; name: string }
  /** Builds (or reuses) the dataset and answers with a preview of it. */
  | { type: 'preview'; requestId: number; data: DataSpec }
  /** Asks for a task's confusion matrix now and after every validation (null stops). */
  | { type: 'watchConfusion'; runId: string; task: number | null }
  /** The why views the page shows: computed now and after validations, within their budget. */
  | { type: 'watchInsights'; runId: string; request: InsightRequest }
  /** Test builds only (VITE_FAULTS=on): makes the worker fail the way real ones do. */
  | { type: 'injectFault'; fault: Fault }
  /** Runs strategies on the two-objective toy from the given starts; replaces any landscape run. */
  | {
      type: 'landscape';
      requestId: number;
      strategies: ToyStrategy[];
      starts: Point[];
      cagradC: number;
    };

/** Where a run stands. `done` means it reached its step budget. */
export type RunState = 'running' | 'paused' | 'done';

/** New points of one toy trajectory. */
export interface LandscapeUpdate {
  strategy: ToyStrategy;
  /** Index into the request's starts. */
  start: number;
  points: Point[];
  done: boolean;
}

/** Faults a test build can inject: an escaped exception, an allocation failure, a lost GPU. */
export const FAULTS = ['exception', 'outOfMemory', 'deviceLost'] as const;
export type Fault = (typeof FAULTS)[number];

/** Messages from the worker to the UI. */
export type FromWorker =
  | {
      type: 'backend';
      backend: BackendName;
      requested: BackendChoice;
      /** The GPU adapter for webgpu, e.g. `google swiftshader`. */
      adapter?: string;
      /** Why a faster backend was not used; absent when the first choice worked. */
      fallbackReason?: string;
      /** Auto's measured steps per second of every backend on the current design. */
      timings?: BackendTiming[];
    }
  /** Auto is timing the backends on the design before the run starts (about a second). */
  | { type: 'measuringBackends' }
  /** What Auto chose for designs of this shape (`designShapeKey`), or null: not measured yet. */
  | { type: 'backendPlan'; key: string; pick: AutoPick | null }
  | { type: 'runBuilt'; runId: string; tasks: string[]; params: number; backend: BackendName }
  | {
      type: 'metrics';
      runId: string;
      /** Per step: each task's loss and the effective λ (weight) it trained with. */
      steps: StepLosses[];
      stepsPerSecond: number;
      /** What tf.js holds in the worker after the chunk: flat while training means no leak. */
      memory?: { tensors: number; bytes: number };
    }
  | {
      type: 'validation';
      runId: string;
      evaluation: Evaluation;
      /** Cosine similarity of task gradients on the shared parameters (null: nothing shared or one task). */
      cosines: number[][] | null;
    }
  /** Confirms a λ slider change: the static strategy uses these from the next step (task order). */
  | { type: 'lambdas'; runId: string; lambdas: number[] }
  | { type: 'status'; runId: string; state: RunState; step: number }
  | { type: 'exported'; runId: string; modelJson: string; weightData: ArrayBuffer }
  | { type: 'checkpoint'; runId: string; step: number; modelJson: string; weightData: ArrayBuffer }
  | { type: 'baselineProgress'; runId: string; task: number; step: number; steps: number }
  /** Each task trained alone: its validation metric and loss after `steps` steps. */
  | { type: 'baselines'; runId: string; steps: number; results: BaselineResult[] }
  | { type: 'resetDone' }
  | { type: 'csvProgress'; requestId: number; bytes: number; total: number }
  | { type: 'csvLoaded'; requestId: number; summary: CsvSummary }
  | { type: 'csvFailed'; requestId: number; message: string }
  /** A preview of the data, or why the data cannot be built. */
  | { type: 'dataPreview'; requestId: number; preview: DataPreview | null; message?: string }
  /** Every task's predictions over the plane, for designs that read 2-D points. */
  | { type: 'decisionMaps'; runId: string; step: number; maps: DecisionMap[] }
  /** matrix[true][predicted] on the validation split. */
  | { type: 'confusion'; runId: string; task: number; step: number; matrix: number[][] }
  /** The why views asked for, for the weights at `step`. */
  | { type: 'insights'; runId: string; step: number; insights: Insights }
  /** New points of toy trajectories, each continuing what was posted before for it. */
  | { type: 'landscapePaths'; requestId: number; updates: LandscapeUpdate[] }
  /** A task's loss stopped being finite: training paused at that step; later steps were not posted. */
  | {
      type: 'diverged';
      runId: string;
      task: string;
      step: number;
      value: number;
      /** The learning rate it diverged with, so a rollback's effect can be read. */
      learningRate: number;
    }
  /** The worker cannot go on (out of memory, GPU device lost): the UI replaces it. */
  | { type: 'fatal'; reason: string }
  | { type: 'error'; runId?: string; message: string };

/** Compile-time check that a switch over a message union handled every case. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}

/** One backend's steady-state speed on a design, or why it was not measured. */
export interface BackendTiming {
  backend: BackendName;
  stepsPerSecond: number | null;
  note?: string;
}

/** What Auto chose for a design, and on what grounds. */
export interface AutoPick {
  backend: BackendName;
  timings: BackendTiming[];
  /** The GPU adapter, or wasm's threads. */
  adapter?: string;
}

/** One task's single-task result: its validation metric and loss after the budget. */
export interface BaselineResult {
  task: string;
  metric: number;
  loss: number;
}

/** Sends a message to the UI, transferring the listed buffers. */
export type Post = (message: FromWorker, transfer?: ArrayBuffer[]) => void;
