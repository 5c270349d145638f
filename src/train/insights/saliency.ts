import * as tf from '@tensorflow/tfjs';
import { predictTasks } from '../../model/buildModel';
import type { TaskSpec } from '../../spec/types';

/** How a saliency map is computed. */
export type SaliencyMethod = 'gradientInput' | 'integrated';

/** Integrated gradients' default number of points on the path from the baseline. */
export const INTEGRATED_STEPS = 16;

/**
 * The number each example's attribution explains, per example: the predicted class's logit for
 * a softmax task, the logit for a sigmoid one, the sum of the outputs for a regression. The class
 * is picked from the prediction, so its mask carries no gradient.
 */
function taskScore(task: TaskSpec, out: tf.Tensor): tf.Tensor1D {
  if (task.loss === 'softmaxCrossEntropy') {
    const picked = tf.oneHot(tf.argMax(out, -1), task.outputUnits).toFloat();
    return tf.sum(tf.mul(out, picked), -1) as tf.Tensor1D;
  }
  return tf.sum(out.reshape([out.shape[0]!, -1]), -1) as tf.Tensor1D;
}

/** ∂score/∂x for every example of `x` (examples are independent, so one gradient of the sum). */
function inputGradient(
  model: tf.LayersModel,
  task: TaskSpec,
  index: number,
  x: tf.Tensor,
): tf.Tensor {
  return tf.grad((input: tf.Tensor) =>
    tf.sum(taskScore(task, predictTasks(model, input, false)[index]!)),
  )(x);
}

/**
 * Per-input attribution of task `index`'s score, same shape as `x`: gradient × input, or
 * integrated gradients (Sundararajan et al., 2017) from the all-zero baseline with `steps`
 * midpoint-rule points: (x − 0) ⊙ mean over α of ∇f(α·x). Integrated gradients add up to
 * f(x) − f(0) (completeness); gradient × input is their one-point estimate at α = 1.
 */
export function attribution(
  model: tf.LayersModel,
  task: TaskSpec,
  index: number,
  x: tf.Tensor,
  method: SaliencyMethod,
  steps = INTEGRATED_STEPS,
): tf.Tensor {
  return tf.tidy(() => {
    if (method === 'gradientInput') return tf.mul(inputGradient(model, task, index, x), x);
    const n = x.shape[0]!;
    const alphas = Array.from({ length: steps }, (_, k) => (k + 0.5) / steps);
    // Every point of every path in one batch: [steps · n, …].
    const path = tf.concat(alphas.map((a) => tf.mul(x, a)));
    const grads = inputGradient(model, task, index, path);
    const mean = tf.mean(grads.reshape([steps, n, ...x.shape.slice(1)]), 0);
    return tf.mul(mean, x);
  });
}
