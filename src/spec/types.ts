/**
 * The user's design (ModelSpec), how it is trained (TrainConfig) and which data it sees (DataSpec).
 * Plain JSON: these cross the worker boundary, persist, travel in URLs and are versioned (serialize.ts).
 */

/** Activation functions offered for Dense and Conv2D layers. */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'gelu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export type Padding = 'same' | 'valid';

/** Every layer type with its Keras-like parameters. Shapes below exclude the batch axis. */
export type LayerSpec =
  | { type: 'dense'; units: number; activation: Activation; l2: number }
  | { type: 'dropout'; rate: number }
  | { type: 'batchNorm' }
  | { type: 'layerNorm' }
  | {
      type: 'conv2d';
      filters: number;
      kernelSize: number;
      strides: number;
      padding: Padding;
      activation: Activation;
    }
  | { type: 'maxPool2d'; poolSize: number; strides: number }
  | { type: 'avgPool2d'; poolSize: number; strides: number }
  | { type: 'flatten' }
  | { type: 'globalAvgPool' }
  | { type: 'embedding'; outputDim: number }
  | { type: 'lstm'; units: number; returnSequences: boolean }
  | { type: 'gru'; units: number; returnSequences: boolean }
  /** Multi-head scaled dot-product self-attention over the sequence axis, with residual and layer norm. */
  | { type: 'selfAttention'; heads: number; keyDim: number };

export type LayerType = LayerSpec['type'];

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
 * How tasks share: one encoder under every head (hard sharing), or E expert encoders mixed per
 * task by a softmax gate on the input (MMoE, Ma et al., KDD 2018).
 */
export type SharingSpec = { mode: 'hard' } | { mode: 'mmoe'; experts: number };

/** The whole network. In MMoE mode `encoder` is the architecture of one expert. */
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
}

/** Built-in datasets: synthetic generators and MNIST-based sets (the user's CSV comes later). */
export const DATASETS = ['toy2d', 'shapes', 'sequences', 'multimnist', 'mnist'] as const;
export type DatasetKind = (typeof DATASETS)[number];

/** Which data, how much, how noisy, how split. */
export interface DataSpec {
  kind: DatasetKind;
  /** Number of examples, train and validation together. */
  size: number;
  /** Label and target noise in [0, 1]. */
  noise: number;
  /** Share of examples held out for validation. */
  valFraction: number;
  seed: number;
}

/** One validation problem, located so the UI can show it where it happens. */
export interface Problem {
  /** e.g. `encoder[1]`, `task:circle`, `task:circle.head[0]`, `config.learningRate`. */
  where: string;
  message: string;
}
