import * as tf from '@tensorflow/tfjs';
import type { LossWeighting } from './types';

/** Variable names must be unique in the tf.js engine. */
let instances = 0;

/**
 * Uncertainty weighting (Kendall et al., CVPR 2018): learnable sᵢ = log σᵢ², objective
 * Σ ½·e^(−sᵢ)·Lᵢ + ½·sᵢ, effective λᵢ = ½·e^(−sᵢ). sᵢ starts at `initial`: 0 here (λ = ½),
 * −0.5 in LibMTL (λ ≈ 0.82).
 */
export function uncertaintyWeights(tasks: number, initial = 0): LossWeighting {
  const logVariance = tf.variable(
    tf.fill([tasks], initial),
    true,
    `uncertainty_log_variance_${++instances}`,
  );
  return {
    family: 'loss',
    variables: [logVariance],
    objective: (losses) => {
      const weights = tf.mul(0.5, tf.exp(tf.neg(logVariance))) as tf.Tensor1D;
      const total = tf.add(
        tf.sum(tf.mul(weights, losses)),
        tf.mul(0.5, tf.sum(logVariance)),
      ) as tf.Scalar;
      return { total, weights };
    },
    observe: () => undefined,
    dispose: () => logVariance.dispose(),
  };
}
