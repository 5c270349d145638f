import * as tf from '@tensorflow/tfjs';
import type { DeviceWeighting } from './types';

/** Losses are floored here: ∇log Lᵢ = gᵢ/Lᵢ of a task trained to exactly 0 stays finite. */
const FLOOR = 1e-8;

/**
 * DB-MTL, dual balancing (Lin et al., 2023): balances the loss scales by descending Σ log Lᵢ
 * (task i's gradient becomes gᵢ/Lᵢ, heads included), and the gradient magnitudes by keeping a
 * running average ĝᵢ ← βₜ·ĝᵢ + (1 − βₜ)·gᵢ/Lᵢ (βₜ = β/t^σ, ĝ starting at 0) and stepping along
 * Σᵢ (maxⱼ‖ĝⱼ‖ / ‖ĝᵢ‖)·ĝᵢ: every task's averaged gradient counts as much as the largest. The
 * averages stay on the device; the λ readout shows the magnitude factors maxⱼ‖ĝⱼ‖ / ‖ĝᵢ‖.
 */
export function dbMtlWeighting(beta: number, sigma: number): DeviceWeighting {
  let average: tf.Tensor2D | null = null;
  let step = 0;
  return {
    family: 'gradient',
    level: 'parameters',
    direction: (matrix, losses) => {
      const rate = beta / (++step) ** sigma;
      const floored = tf.maximum(losses, FLOOR);
      const logGradients = tf.div(matrix, tf.reshape(floored, [-1, 1]));
      const previous = average ?? tf.zerosLike(logGradients);
      const next = tf.keep(
        tf.add(tf.mul(rate, previous), tf.mul(1 - rate, logGradients)),
      ) as tf.Tensor2D;
      average?.dispose();
      average = next;
      const norms = tf.add(tf.norm(next, 'euclidean', 1), 1e-12);
      const weights = tf.div(tf.max(norms), norms) as tf.Tensor1D;
      const direction = tf.reshape(tf.matMul(tf.reshape(weights, [1, -1]), next), [-1]);
      // Heads descend log Lᵢ too: their gradients scale by 1/Lᵢ.
      return {
        direction: direction as tf.Tensor1D,
        weights,
        headScales: tf.div(1, floored) as tf.Tensor1D,
      };
    },
    dispose: () => {
      average?.dispose();
      average = null;
    },
  };
}
