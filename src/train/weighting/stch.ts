import * as tf from '@tensorflow/tfjs';
import type { StepLosses } from '../records';
import type { LossWeighting } from './types';

/** Losses are floored here: log Lᵢ of a task trained to exactly 0 stays finite. */
const FLOOR = 1e-20;

/**
 * STCH, smooth Tchebycheff scalarization (Lin et al., ICML 2024): minimizes
 * μ·log Σᵢ exp((log Lᵢ − log Nᵢ)/μ), a smooth maximum of the tasks' log-losses relative to a
 * nadir point N, so the task furthest behind leads; μ → 0 is the plain Tchebycheff maximum. N is
 * each task's mean training loss over the first `warmupSteps` steps (read back as they come),
 * during which the tasks weigh 1 each. Task i then weighs softmax((log L − log N)/μ)ᵢ / Lᵢ.
 */
export function stchWeighting(mu: number, warmupSteps: number): LossWeighting {
  let sums: number[] | null = null;
  let count = 0;
  let nadir: number[] | null = null;
  return {
    family: 'loss',
    variables: [],
    objective: (losses) => {
      if (!nadir) return { total: tf.sum(losses) as tf.Scalar, weights: tf.onesLike(losses) };
      const floored = tf.maximum(losses, FLOOR);
      const relative = tf.div(tf.sub(tf.log(floored), tf.log(tf.tensor1d(nadir))), mu);
      const total = tf.mul(mu, tf.logSumExp(relative)) as tf.Scalar;
      const weights = tf.div(tf.softmax(relative), floored) as tf.Tensor1D;
      return { total, weights };
    },
    observe: (steps: StepLosses[]) => {
      for (const s of steps) {
        if (nadir) return;
        sums ??= s.losses.map(() => 0);
        s.losses.forEach((l, i) => (sums![i]! += l));
        if (++count >= warmupSteps) nadir = sums.map((v) => Math.max(v / count, FLOOR));
      }
    },
    dispose: () => undefined,
  };
}
