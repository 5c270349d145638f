import * as tf from '@tensorflow/tfjs';
import type { DeviceWeighting } from './types';

/**
 * ExcessMTL (He et al., ICML 2024): weights tasks by how far each is from its own best, estimated
 * as an excess risk rᵢ = gᵢᵀ·diag(1/√hᵢ)·gᵢ, where hᵢ accumulates gᵢ² (an Adagrad-style diagonal
 * curvature estimate). The first step measures r⁰ and weighs every task 1; after it, each step
 * multiplies wᵢ by exp(η·rᵢ/r⁰ᵢ) and renormalizes w to sum to T, then descends Σ wᵢLᵢ (heads
 * included). Tasks whose excess risk stays high, relative to their start, gain weight.
 * Accumulators and weights stay on the device; the λ readout shows w.
 */
interface ExcessState {
  /** hᵢ: each task's accumulated squared gradient, [T, P]. */
  squares: tf.Tensor2D;
  /** r⁰: the first step's excess risks. */
  initial: tf.Tensor1D;
  weights: tf.Tensor1D;
}

export function excessMtlWeighting(stepSize: number): DeviceWeighting {
  let state: ExcessState | null = null;
  const replace = (next: ExcessState): void => {
    const old = state ? [state.squares, state.initial, state.weights] : [];
    state = {
      squares: tf.keep(next.squares),
      initial: tf.keep(next.initial),
      weights: tf.keep(next.weights),
    };
    const kept: tf.Tensor[] = [state.squares, state.initial, state.weights];
    for (const t of old) if (!kept.includes(t)) t.dispose();
  };
  return {
    family: 'gradient',
    level: 'parameters',
    direction: (matrix) => {
      const tasks = matrix.shape[0];
      const squared = tf.square(matrix);
      const squares = (state ? tf.add(state.squares, squared) : squared) as tf.Tensor2D;
      const risk = tf.sum(tf.div(squared, tf.sqrt(tf.add(squares, 1e-7))), 1) as tf.Tensor1D;
      const initial = state?.initial ?? risk;
      let weights: tf.Tensor1D = tf.ones([tasks]);
      if (state) {
        const grown = tf.mul(state.weights, tf.exp(tf.mul(stepSize, tf.div(risk, initial))));
        weights = tf.mul(tasks, tf.div(grown, tf.sum(grown))) as tf.Tensor1D;
      }
      replace({ squares, initial, weights });
      const direction = tf.reshape(tf.matMul(tf.reshape(weights, [1, -1]), matrix), [-1]);
      return {
        direction: direction as tf.Tensor1D,
        weights: tf.clone(weights),
        headScales: tf.clone(weights),
      };
    },
    dispose: () => {
      if (state) tf.dispose([state.squares, state.initial, state.weights]);
      state = null;
    },
  };
}
