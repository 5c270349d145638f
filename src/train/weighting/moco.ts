import * as tf from '@tensorflow/tfjs';
import type { DeviceWeighting } from './types';

/** Both MoCo rates decay as 1/t^DECAY. */
const DECAY = 0.5;

/**
 * The Euclidean projection of v onto the probability simplex (Duchi et al., 2008), on the device:
 * with u = v sorted downwards, ρ = the number of j with uⱼ > (Σ_{k≤j} uₖ − 1)/j, and
 * θ = (Σ_{k≤ρ} uₖ − 1)/ρ, the projection is max(v − θ, 0).
 */
export function projectOntoSimplex(v: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const n = v.shape[0];
    const u = tf.topk(v, n).values;
    const sums = tf.cumsum(u);
    const ranks = tf.range(1, n + 1);
    const above = tf.greater(u, tf.div(tf.sub(sums, 1), ranks));
    const rho = tf.sum(tf.cast(above, 'int32'));
    const theta = tf.div(
      tf.sub(tf.gather(sums, tf.sub(rho, tf.scalar(1, 'int32'))), 1),
      tf.cast(rho, 'float32'),
    );
    return tf.relu(tf.sub(v, theta)) as tf.Tensor1D;
  });
}

/**
 * MoCo, multi-objective gradient correction (Fernando et al., ICLR 2023): tracks each task's
 * gradient, yᵢ ← yᵢ − βₜ(yᵢ − gᵢ), then takes a projected step on the simplex weights,
 * λ ← Π_Δ(λ − γₜ(YᵀY + ρI)λ), and steps along d = Σ λᵢyᵢ: MGDA's min-norm direction, solved one
 * step at a time on averaged gradients, which removes the bias a stochastic MGDA has.
 * βₜ = β/√t, γₜ = γ/√t. Everything stays on the device; the λ readout shows λ.
 */
export function mocoWeighting(beta: number, gamma: number, rho: number): DeviceWeighting {
  let tracked: tf.Tensor2D | null = null;
  let lambda: tf.Tensor1D | null = null;
  let step = 0;
  return {
    family: 'gradient',
    level: 'parameters',
    direction: (matrix) => {
      const t = ++step;
      const tasks = matrix.shape[0];
      const y = tracked ?? tf.zerosLike(matrix);
      const nextY = tf.sub(y, tf.mul(beta / t ** DECAY, tf.sub(y, matrix))) as tf.Tensor2D;
      const l = lambda ?? tf.fill([tasks], 1 / tasks);
      const gram = tf.add(tf.matMul(nextY, nextY, false, true), tf.mul(rho, tf.eye(tasks)));
      const pull = tf.reshape(tf.matMul(gram, tf.reshape(l, [-1, 1])), [-1]);
      const nextLambda = projectOntoSimplex(
        tf.sub(l, tf.mul(gamma / t ** DECAY, pull)) as tf.Tensor1D,
      );
      tracked?.dispose();
      lambda?.dispose();
      tracked = tf.keep(nextY);
      lambda = tf.keep(nextLambda);
      const direction = tf.reshape(tf.matMul(tf.reshape(nextLambda, [1, -1]), nextY), [-1]);
      return {
        direction: direction as tf.Tensor1D,
        weights: tf.clone(nextLambda),
        headScales: tf.ones([tasks]),
      };
    },
    dispose: () => {
      tracked?.dispose();
      lambda?.dispose();
      tracked = lambda = null;
    },
  };
}
