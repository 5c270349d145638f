import * as tf from '@tensorflow/tfjs';
import { BatchSampler } from '../data/batchSampler';
import type { Dataset } from '../data/dataset';
import { uploadDataset } from '../data/deviceData';
import { buildModel, predictTasks } from '../model/buildModel';
import { taskLoss } from '../train/losses';
import type { OptimizerKind } from '../spec/types';
import type { Workload } from './workloads';

/** Wall time of `steps` timed training steps and how many examples they saw. */
export interface Timing {
  steps: number;
  samples: number;
  ms: number;
}

const WARMUP_STEPS = 2;

/**
 * tf.js's own optimizer of the chosen kind, with the app's settings (momentum 0.9 for
 * SGD+momentum). The reference loops use it; the app steps its parameter groups with flat update
 * rules of the same arithmetic (src/train/updateRules.ts).
 */
export function createOptimizer(kind: OptimizerKind, learningRate: number): tf.Optimizer {
  switch (kind) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
  }
}

/** A first step slower than this (an emulated GPU compiling shaders for big matrices) skips the workload. */
export const WARMUP_LIMIT_MS = 20_000;

/**
 * Times `steps` steps of `train` (which answers how many examples it saw) after one first step —
 * too slow a first step throws, so an emulated GPU cannot hold the benchmark for an hour — and a
 * warm-up.
 */
export async function timeSteps(
  train: (steps: number) => Promise<number>,
  steps: number,
): Promise<Timing> {
  const first = performance.now();
  await train(1);
  const firstMs = performance.now() - first;
  if (firstMs > WARMUP_LIMIT_MS)
    throw new Error(`too slow here: the first step took ${(firstMs / 1000).toFixed(0)} s`);
  await train(WARMUP_STEPS);
  const start = performance.now();
  const samples = await train(steps);
  return { steps, samples, ms: performance.now() - start };
}

/**
 * The floor: tf.js's own `optimizer.minimize` of Σ λᵢ·Lᵢ over the same model, batches gathered
 * on the device like the app's, and no readback until the last step.
 */
export async function bareLoop(w: Workload, dataset: Dataset, steps: number): Promise<Timing> {
  const model = buildModel(w.spec, w.config.seed);
  const data = uploadDataset(dataset, w.spec);
  const optimizer = createOptimizer(w.config.optimizer, w.config.learningRate);
  const sampler = new BatchSampler(data.train.size, w.config.seed);
  const lambdas = w.spec.tasks.map((t) => w.config.lambdas[t.name] ?? 1);
  const step = (returnCost: boolean): tf.Scalar | null => {
    const cost: tf.TensorContainer = tf.tidy(() => {
      const indices = tf.tensor1d(sampler.next(w.config.batchSize), 'int32');
      const x = tf.gather(data.train.x, indices);
      const targets = data.train.targets.map((t) => tf.gather(t, indices));
      const result = optimizer.minimize(() => {
        const preds = predictTasks(model, x, true);
        const losses = w.spec.tasks.map((t, i) =>
          tf.mul(lambdas[i]!, taskLoss(t.loss, preds[i]!, targets[i]!)),
        );
        return tf.addN(losses) as tf.Scalar;
      }, returnCost);
      return result ?? [];
    });
    return cost instanceof tf.Tensor ? (cost as tf.Scalar) : null;
  };
  const run = async (n: number): Promise<number> => {
    for (let i = 0; i < n - 1; i++) step(false);
    const cost = step(true)!;
    await cost.data(); // waits for every queued step
    cost.dispose();
    return n * w.config.batchSize;
  };
  try {
    return await timeSteps(run, steps);
  } finally {
    optimizer.dispose();
    model.dispose();
    data.dispose();
  }
}

/**
 * What a tf.js user writes first: `model.compile` with one loss per output (the same loss
 * functions) and `model.fit` on the training split. tf.js's compile has no loss weights, so every
 * λ is 1 (the workloads use λ = 1). `fit` runs whole epochs, so the split is cut to `steps`
 * batches.
 */
export async function fitLoop(w: Workload, dataset: Dataset, steps: number): Promise<Timing> {
  const model = buildModel(w.spec, w.config.seed);
  const data = uploadDataset(dataset, w.spec);
  const optimizer = createOptimizer(w.config.optimizer, w.config.learningRate);
  model.compile({
    optimizer,
    loss: w.spec.tasks.map(
      (t) => (yTrue: tf.Tensor, yPred: tf.Tensor) => taskLoss(t.loss, yPred, yTrue),
    ),
  });
  const fitSteps = async (n: number): Promise<number> => {
    const rows = Math.min(data.train.size, n * w.config.batchSize);
    const epochs = Math.ceil((n * w.config.batchSize) / rows);
    const x = data.train.x.slice(0, rows);
    const ys = data.train.targets.map((t) => t.slice(0, rows));
    const history = await model.fit(x, ys, {
      batchSize: w.config.batchSize,
      epochs,
      shuffle: true,
      verbose: 0,
    });
    tf.dispose([x, ...ys]);
    if (!history.history.loss?.length) throw new Error('model.fit reported no loss');
    return rows * epochs;
  };
  try {
    return await timeSteps(fitSteps, steps);
  } finally {
    optimizer.dispose();
    model.dispose();
    data.dispose();
  }
}
