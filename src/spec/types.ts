/**
 * The user's design (ModelSpec), how it is trained (TrainConfig) and which data it sees (DataSpec).
 * Plain JSON: these cross the worker boundary and will be saved, shared and versioned.
 */

/** Activation functions offered for Dense layers. */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** A fully connected layer. */
export interface DenseLayerSpec {
  type: 'dense';
  units: number;
  activation: Activation;
}

/** Randomly zeroes a fraction `rate` of its inputs during training. */
export interface DropoutLayerSpec {
  type: 'dropout';
  rate: number;
}

/** Any layer of the shared encoder or of a task head. */
export type LayerSpec = DenseLayerSpec | DropoutLayerSpec;
export type LayerType = LayerSpec['type'];
export const LAYER_TYPES: readonly LayerType[] = ['dense', 'dropout'];

/** Per-task training losses. The loss also fixes the output activation (softmax, sigmoid, linear). */
export const LOSSES = ['softmaxCrossEntropy', 'sigmoidBinaryCrossEntropy', 'mse', 'mae'] as const;
export type LossKind = (typeof LOSSES)[number];

/** One task: a head on top of the shared encoder, trained against one target of the dataset. */
export interface TaskSpec {
  /** Shown everywhere and used as the model's output name; letters, digits, `_` and `-`. */
  name: string;
  /** The dataset column this task predicts. */
  target: string;
  /** Hidden layers of the head, between the encoder and the output layer. */
  head: LayerSpec[];
  /** Width of the output layer: classes for softmax, 1 for sigmoid, target dimensions for regression. */
  outputUnits: number;
  loss: LossKind;
}

/** Hard parameter sharing: one input, one shared encoder, one head per task. */
export interface ModelSpec {
  /** Feature dimension of the (flat) input. */
  inputDim: number;
  encoder: LayerSpec[];
  tasks: TaskSpec[];
}

export type OptimizerKind = 'adam' | 'sgd';

/** How a model is trained. λ is keyed by task name. */
export interface TrainConfig {
  optimizer: OptimizerKind;
  learningRate: number;
  batchSize: number;
  /** Training stops by itself after this many steps. */
  maxSteps: number;
  /** Validation loss and metrics are computed every this many steps. */
  evalEvery: number;
  /** Seeds weight initialization, dropout and batch order. */
  seed: number;
  lambdas: Record<string, number>;
}

/** Built-in synthetic data; later issues add images and CSV. */
export interface DataSpec {
  kind: 'toy2d';
  /** Number of points, train and validation together. */
  size: number;
  /** Label and target noise in [0, 1]. */
  noise: number;
  /** Share of points held out for validation. */
  valFraction: number;
  seed: number;
}

/** One validation problem, located so the UI can show it where it happens. */
export interface Problem {
  /** e.g. `encoder[1]`, `task:circle`, `config.learningRate`. */
  where: string;
  message: string;
}
