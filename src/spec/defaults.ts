import type { DataSpec, ModelSpec, TrainConfig } from './types';
import { DEFAULT_WEIGHTING } from './weighting';

/** The example a new visitor sees: circle (classification) and wave (regression) from one encoder. */
export const DEFAULT_DATA: DataSpec = {
  kind: 'toy2d',
  size: 1000,
  noise: 0.1,
  valFraction: 0.2,
  seed: 1,
};

/** Two dense shared layers, one linear output head per task. */
export const DEFAULT_MODEL: ModelSpec = {
  input: { kind: 'features', size: 2 },
  sharing: { mode: 'hard' },
  encoder: [
    { type: 'dense', units: 16, activation: 'relu', l2: 0 },
    { type: 'dense', units: 16, activation: 'relu', l2: 0 },
  ],
  tasks: [
    {
      name: 'circle',
      target: 'circle',
      head: [],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
    { name: 'wave', target: 'wave', head: [], outputUnits: 1, loss: 'mse', metric: 'mae' },
  ],
};

/** Adam at 0.01 with small batches: the default example visibly learns within a few hundred steps. */
export const DEFAULT_TRAIN: TrainConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 32,
  maxSteps: 2000,
  evalEvery: 20,
  weightDecay: 0,
  seed: 42,
  lambdas: { circle: 1, wave: 1 },
  weighting: DEFAULT_WEIGHTING,
};
