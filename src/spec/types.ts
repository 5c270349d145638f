/**
 * The user's design (ModelSpec), how it is trained (TrainConfig) and which data it sees (DataSpec).
 * Plain JSON: these cross the worker boundary, persist, travel in URLs and are versioned (serialize.ts).
 */

export { ACTIVATIONS, type Activation } from '../layers/limits';
export type { LayerSpec, LayerType } from '../layers/registry';
import type { LayerSpec } from '../layers/registry';

/** The model's input: a feature vector, an image, or a sequence of token ids. */
export type InputSpec =
  | { kind: 'features'; size: number }
  | { kind: 'image'; height: number; width: number; channels: number }
  | { kind: 'tokens'; length: number; vocabSize: number };

/** Per-task training losses. The loss also fixes the output activation (softmax, sigmoid, linear). */
export const LOSSES = [
  'softmaxCrossEntropy',
  'sigmoidBinaryCrossEntropy',
  'mse',
  'mae',
  'huber',
] as const;
export type LossKind = (typeof LOSSES)[number];

/** Per-task validation metrics. */
export const METRICS = ['accuracy', 'mae', 'rmse', 'r2'] as const;
export type MetricKind = (typeof METRICS)[number];

/** One task: a head on top of the shared part, trained against one target of the dataset. */
export interface TaskSpec {
  /** Shown everywhere and used as the model's output name; letters, digits, `_` and `-`. */
  name: string;
  /** The dataset column this task predicts. */
  target: string;
  /** Hidden layers of the head, between the shared part and the output layer. */
  head: LayerSpec[];
  /** Width of the output layer: classes for softmax, 1 for sigmoid, target dimensions for regression. */
  outputUnits: number;
  loss: LossKind;
  metric: MetricKind;
}

/**
 * How tasks share the encoder (src/spec/sharing/ says what each mode builds): one encoder under
 * every head (hard), experts mixed per task by gates (MMoE, CGC, PLE, DSelect-k), one encoder
 * column per task linked by cross-stitch units, or one backbone with task attention (MTAN).
 */
export type SharingSpec =
  | { mode: 'hard' }
  | { mode: 'mmoe'; experts: number }
  | { mode: 'cgc'; sharedExperts: number; taskExperts: number }
  | { mode: 'ple'; sharedExperts: number; taskExperts: number }
  | { mode: 'dselectk'; experts: number; selectors: number; gamma: number }
  | { mode: 'crossStitch' }
  | { mode: 'mtan' };

/** The whole network. With experts or columns, `encoder` is the architecture of each. */
export interface ModelSpec {
  input: InputSpec;
  sharing: SharingSpec;
  encoder: LayerSpec[];
  tasks: TaskSpec[];
}

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop'] as const;
export type OptimizerKind = (typeof OPTIMIZERS)[number];

import type { WeightingSettings } from './weighting';

/** How a model is trained. λ is keyed by task name. */
export interface TrainConfig {
  optimizer: OptimizerKind;
  learningRate: number;
  batchSize: number;
  /** Training stops by itself after this many steps; null trains until paused. */
  maxSteps: number | null;
  /** Validation loss and metrics are computed every this many steps. */
  evalEvery: number;
  /** Decoupled weight decay on kernels: w ← w − lr·decay·w after each step (0 = off). */
  weightDecay: number;
  /** Seeds weight initialization, dropout and batch order. */
  seed: number;
  lambdas: Record<string, number>;
  /** How task losses (or gradients) are combined; `static` uses `lambdas`. */
  weighting: WeightingSettings;
  /**
   * Blocks trained differently (src/spec/blocks.ts), by block id: frozen, or at a multiple of
   * the learning rate. Absent blocks train as usual.
   */
  blocks?: Record<string, BlockTraining>;
  /** Tasks trained one after another (continual learning) instead of jointly; absent: jointly. */
  sequence?: SequenceSettings;
}

/** Remedies against forgetting: none (plain fine-tuning), experience replay, EWC. */
export const REMEDIES = ['finetune', 'replay', 'ewc'] as const;
export type Remedy = (typeof REMEDIES)[number];

/**
 * A task sequence: stage i trains only task `order[i]` for `stageSteps` steps; the other tasks'
 * heads stand still and their losses are left out, unless a remedy brings earlier tasks back.
 * `maxSteps` is then `order.length × stageSteps`.
 */
export interface SequenceSettings {
  /** Task names in training order, each once. */
  order: string[];
  stageSteps: number;
  remedy: Remedy;
  /** Replay: training examples kept per earlier task, replayed beside every batch. */
  replayPerTask: number;
  /** EWC: λ of the penalty (λ/2)·Σ Fᵢ(θᵢ − θ*ᵢ)² per earlier task. */
  ewcStrength: number;
}

/** Whether one block trains, and at what multiple of the run's learning rate. */
export interface BlockTraining {
  trainable: boolean;
  lrScale: number;
}

/** Datasets: synthetic generators, MNIST-based sets, the GradNorm and MMoE toys, the user's CSV file. */
export const DATASETS = [
  'toy2d',
  'shapes',
  'sequences',
  'multimnist',
  'mnist',
  'gradnorm',
  'correlated',
  'csv',
] as const;
export type DatasetKind = (typeof DATASETS)[number];

/** How a CSV column feeds the model: standardized number, or one-hot over known categories. */
export type CsvInput =
  | { column: string; encoding: 'numeric' }
  | { column: string; encoding: 'onehot'; categories: string[] };

/** A CSV column one task predicts: class indices into `classes`, or a standardized number. */
export type CsvTarget =
  | { column: string; kind: 'classification'; classes: string[] }
  | { column: string; kind: 'regression' };

/** What to do with a row that misses a value in a used column. */
export type MissingPolicy = 'drop' | 'impute';

/**
 * The user's CSV as a design refers to it. The file itself stays in the worker (it is not part of
 * the design); `fingerprint` says which parsed file the columns and categories were read from.
 */
export interface CsvDataSettings {
  file: string;
  fingerprint: string;
  /** Data rows in the file. */
  rows: number;
  inputs: CsvInput[];
  targets: CsvTarget[];
  /**
   * `drop`: rows missing any used value are left out. `impute`: a missing input takes the
   * training split's mean (numbers) or most frequent category; rows without a target are still
   * dropped, since a target is never invented.
   */
  missing: MissingPolicy;
}

/** Which data, how much, how noisy, how split. */
export interface DataSpec {
  kind: DatasetKind;
  /** Number of examples, train and validation together (CSV: the rows of the file). */
  size: number;
  /** Label and target noise in [0, 1]. */
  noise: number;
  /** Share of examples held out for validation. */
  valFraction: number;
  seed: number;
  /** GradNorm toy: the scale σᵢ of each task's target; its length is the number of tasks. */
  scales?: number[];
  /** Correlated regressions: the cosine ρ between the two tasks' weight vectors, in [−1, 1]. */
  correlation?: number;
  /** The user's CSV: file, columns and missing-value policy (kind `csv` only). */
  csv?: CsvDataSettings;
}

/** One validation problem, located so the UI can show it where it happens. */
export interface Problem {
  /** e.g. `encoder[1]`, `task:circle`, `task:circle.head[0]`, `config.learningRate`. */
  where: string;
  message: string;
}
