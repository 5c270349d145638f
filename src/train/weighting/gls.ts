import * as tf from '@tensorflow/tfjs';
import type { LossWeighting } from './types';

/** Losses are floored here so that a task trained to exactly 0 cannot send log Lᵢ to −∞. */
const FLOOR = 1e-12;

/**
 * GLS, the geometric loss strategy (Chennupati et al., CVPR Workshops 2019): L = (Π Lᵢ)^(1/T),
 * minimized as exp(mean log Lᵢ). Its gradient weighs task i by ∂L/∂Lᵢ = L/(T·Lᵢ): a task whose
 * loss is small relative to the others counts for more, with no parameter to tune.
 */
export function glsWeights(): LossWeighting {
  return {
    family: 'loss',
    variables: [],
    objective: (losses) => {
      const floored = tf.maximum(losses, FLOOR);
      const total = tf.exp(tf.mean(tf.log(floored))) as tf.Scalar;
      const weights = tf.div(total, tf.mul(floored, losses.shape[0])) as tf.Tensor1D;
      return { total, weights };
    },
    observe: () => undefined,
    dispose: () => undefined,
  };
}
