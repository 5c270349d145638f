import * as tf from '@tensorflow/tfjs';
import { predictTasks } from '../model/buildModel';
import type { Encoded, SplitModel } from '../model/splitModel';
import type { TaskSpec } from '../spec/types';
import { taskLoss } from './losses';

/** One batch and the model parts that per-task gradients are taken through. */
export interface GradientBatch {
  model: tf.LayersModel;
  tasks: TaskSpec[];
  x: tf.Tensor;
  targets: tf.Tensor[];
  shared: tf.Variable[];
  heads: tf.Variable[][];
}

/** Per-task gradients of one batch; every tensor here is owned by the caller. */
export interface TaskGradients {
  losses: tf.Tensor1D;
  /** [T, P]: each task's gradient of the shared part, flattened (P = 0 when nothing is shared). */
  matrix: tf.Tensor2D;
  /** Each task's gradients of its own head variables, in variable order. */
  heads: tf.Tensor[][];
  /** The encoder's forward the gradients were taken at (h and what a product needs), when `level` was representation. */
  encoded: Encoded | null;
}

const flatten = (grads: (tf.Tensor | null)[], like: tf.Variable[]): tf.Tensor1D =>
  like.length
    ? (tf.concat(grads.map((g, i) => tf.reshape(g ?? tf.zerosLike(like[i]!), [-1]))) as tf.Tensor1D)
    : tf.zeros([0]);

/**
 * Gradients of each task's loss on the shared part and on its own head. At the `representation`
 * level (MGDA-UB, hard sharing): one forward of the encoder (keeping what the product through it
 * will need), then one backward through each head only, gᵢ = ∂Lᵢ/∂h. At the `parameters` level:
 * a full forward and backward per task, gᵢ = ∂Lᵢ/∂θ. tf.js keeps no persistent tape, which is
 * why each task needs its own pass.
 */
export function taskGradients(batch: GradientBatch, split: SplitModel | null): TaskGradients {
  const engine = tf.engine();
  const encoded = split ? split.encode(batch.x) : null;
  const h = encoded?.h ?? null;
  const perTask = batch.tasks.map((task, i) =>
    tf.tidy(() => {
      const headVars = batch.heads[i]!;
      if (split && h) {
        const loss = () => taskLoss(task.loss, split.heads[i]!(h, true), batch.targets[i]!);
        const { value, grads } = engine.gradients(loss, [h, ...headVars], undefined, true);
        return [
          value,
          tf.reshape(grads[0]!, [-1]),
          ...grads.slice(1).map((g, k) => g ?? tf.zerosLike(headVars[k]!)),
        ];
      }
      const loss = () =>
        taskLoss(task.loss, predictTasks(batch.model, batch.x, true)[i]!, batch.targets[i]!);
      const { value, grads } = engine.gradients(
        loss,
        [...batch.shared, ...headVars],
        undefined,
        true,
      );
      const own = grads.slice(batch.shared.length).map((g, k) => g ?? tf.zerosLike(headVars[k]!));
      return [value, flatten(grads.slice(0, batch.shared.length), batch.shared), ...own];
    }),
  );
  const losses = tf.stack(perTask.map((p) => p[0]!)) as tf.Tensor1D;
  const matrix = tf.stack(perTask.map((p) => p[1]!)) as tf.Tensor2D;
  tf.dispose(perTask.flatMap((p) => [p[0]!, p[1]!]));
  return {
    losses,
    matrix,
    heads: perTask.map((p) => p.slice(2)),
    encoded,
  };
}

/** Frees a TaskGradients. */
export function disposeTaskGradients(g: TaskGradients): void {
  tf.dispose([
    g.losses,
    g.matrix,
    ...g.heads.flat(),
    ...(g.encoded ? [g.encoded.h, ...g.encoded.saved] : []),
  ]);
}

/** Reads back the T×T products Cᵢⱼ = aᵢ·bⱼ of two tasks' gradient matrices. */
export async function readProducts(a: tf.Tensor2D, b: tf.Tensor2D): Promise<number[][]> {
  const product = tf.tidy(() => tf.matMul(a, b, false, true));
  const data = await product.data();
  product.dispose();
  const n = a.shape[0];
  return Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * n, (i + 1) * n)));
}

/**
 * Representation gradients [T, B·W] (one entry per sample and unit) summed over the batch of B
 * samples: [T, W].
 */
export function batchSummed(matrix: tf.Tensor2D, batch: number): tf.Tensor2D {
  return tf.tidy(() => tf.sum(tf.reshape(matrix, [matrix.shape[0], batch, -1]), 1) as tf.Tensor2D);
}

/**
 * Reads back the Gram matrix Mᵢⱼ = gᵢ·gⱼ and the losses: T² + T numbers. `batch`: at the
 * representation, the Gram of the batch-summed gradients instead.
 */
export async function readGram(
  g: TaskGradients,
  batch?: number,
): Promise<{ gram: number[][]; losses: number[] }> {
  const gramTensor = tf.tidy(() => {
    const rows = batch ? batchSummed(g.matrix, batch) : g.matrix;
    return tf.matMul(rows, rows, false, true);
  });
  const [gramData, lossData] = await Promise.all([gramTensor.data(), g.losses.data()]);
  gramTensor.dispose();
  const n = lossData.length;
  return {
    gram: Array.from({ length: n }, (_, i) => Array.from(gramData.subarray(i * n, (i + 1) * n))),
    losses: Array.from(lossData),
  };
}
