import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../data/random';
import type { DeviceWeighting } from './types';

/**
 * GradDrop's direction for given uniforms U (one per coordinate): with sign purity
 * P = ½(1 + Σᵢgᵢ / Σᵢ|gᵢ|) per coordinate, task i's gradient is kept where it is positive and
 * P > U, or negative and P < U; d = Σᵢ Mᵢ·gᵢ. Where every task agrees in sign, nothing is dropped.
 * Its weights are the share of each task's gradient (in absolute mass) that was kept.
 */
export function gradDropDirection(
  matrix: tf.Tensor2D,
  uniform: tf.Tensor1D,
): { direction: tf.Tensor1D; weights: tf.Tensor1D } {
  return tf.tidy(() => {
    const purity = tf.mul(
      0.5,
      tf.add(1, tf.div(tf.sum(matrix, 0), tf.add(tf.sum(tf.abs(matrix), 0), 1e-7))),
    );
    const keepPositive = tf.greater(purity, uniform);
    const keepNegative = tf.less(purity, uniform);
    const mask = tf.logicalOr(
      tf.logicalAnd(keepPositive, tf.greater(matrix, 0)),
      tf.logicalAnd(keepNegative, tf.less(matrix, 0)),
    );
    const kept = tf.mul(matrix, tf.cast(mask, 'float32'));
    // The readout: the share of each task's gradient (in |·| mass) that was kept.
    const share = tf.div(tf.sum(tf.abs(kept), 1), tf.add(tf.sum(tf.abs(matrix), 1), 1e-12));
    return { direction: tf.sum(kept, 0) as tf.Tensor1D, weights: share as tf.Tensor1D };
  });
}

/**
 * GradDrop (Chen et al., NeurIPS 2020): at each coordinate of the shared gradient, keeps only
 * the tasks whose gradient has the sign drawn from that coordinate's sign purity, so conflicting
 * signs do not cancel out. At the shared representation where there is one, per sample and unit.
 */
export function gradDropWeighting(level: DeviceWeighting['level'], rng: Rng): DeviceWeighting {
  return {
    family: 'gradient',
    level,
    direction: (matrix) => {
      const uniform = tf.randomUniform(
        [matrix.shape[1]],
        0,
        1,
        'float32',
        rng.int(2 ** 31),
      ) as tf.Tensor1D;
      return { ...gradDropDirection(matrix, uniform), headScales: tf.ones([matrix.shape[0]]) };
    },
    dispose: () => undefined,
  };
}
