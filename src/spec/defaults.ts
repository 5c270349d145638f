import type { DataSpec, ModelSpec, TrainConfig } from './types';
import { DEFAULT_WEIGHTING } from './weighting';

/**
 * The example a new visitor sees, one where sharing pays: two noisy views of one quantity,
 * x₁ + x₂ — which Gaussian cluster a point is nearer to (gauss, a class) and the value itself
 * (plane) — from 100 training points with a quarter of the class labels flipped. Alone, each task
 * fits its own noise; through one encoder each regularizes the other (Δm > 0 over single-task
 * baselines: docs/BENCHMARKS.md). Half the points validate, so the gain is measured, not noise.
 */
export const DEFAULT_DATA: DataSpec = {
  kind: 'toy2d',
  size: 200,
  noise: 0.5,
  valFraction: 0.5,
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
      name: 'gauss',
      target: 'gauss',
      head: [],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
    { name: 'plane', target: 'plane', head: [], outputUnits: 1, loss: 'mse', metric: 'mae' },
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
  lambdas: { gauss: 1, plane: 1 },
  weighting: DEFAULT_WEIGHTING,
};
