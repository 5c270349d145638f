import * as tf from '@tensorflow/tfjs';
import type { OptimizerKind } from '../spec/types';

/**
 * One optimizer's arithmetic, element by element, so it runs on a flat vector of many variables
 * as well as on one: from the gradient and the optimizer's state (its moments, each shaped as the
 * gradient), the amount to subtract from the parameters this step and the next state. Same rules and defaults as tf.js's optimizers, so a run trains as it did
 * with them (paramGroups.test.ts compares them step by step).
 */
export interface UpdateRule {
  /** How many state vectors the rule keeps (Adam 2, momentum and RMSProp 1, SGD 0). */
  slots: number;
  /** Δ for step `t` (1-based): the caller sets θ ← θ − Δ. Runs inside the caller's tidy. */
  update(
    gradient: tf.Tensor,
    state: tf.Tensor[],
    t: number,
    learningRate: number,
  ): { delta: tf.Tensor; state: tf.Tensor[] };
}

const MOMENTUM = 0.9; // SGD+momentum, as Keras users expect
const ADAM_BETA1 = 0.9;
const ADAM_BETA2 = 0.999;
const RMSPROP_DECAY = 0.9;

/** The update rule of `kind`; ε is tf.js's default, the backend's (1e-7 with float32). */
export function updateRule(kind: OptimizerKind, epsilon: number): UpdateRule {
  switch (kind) {
    case 'sgd':
      return { slots: 0, update: (g, _s, _t, lr) => ({ delta: tf.mul(g, lr), state: [] }) };
    case 'momentum':
      // tf.js MomentumOptimizer (no Nesterov): a ← μ·a + g; θ ← θ − lr·a.
      return {
        slots: 1,
        update: (g, [a], _t, lr) => {
          const next = tf.add(tf.mul(a!, MOMENTUM), g);
          return { delta: tf.mul(next, lr), state: [next] };
        },
      };
    case 'adam':
      // tf.js AdamOptimizer: θ ← θ − lr·m̂/(√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). Written as
      // m·(lr·c/(1−β₁ᵗ)) / (√v + ε·c) with c = √(1−β₂ᵗ): the same number, with the bias
      // corrections folded into two scalars instead of two divisions per element.
      return {
        slots: 2,
        update: (g, [m, v], t, lr) => {
          const nextM = tf.add(m!, tf.mul(tf.sub(g, m!), 1 - ADAM_BETA1));
          const nextV = tf.add(v!, tf.mul(tf.sub(tf.square(g), v!), 1 - ADAM_BETA2));
          const c = Math.sqrt(1 - ADAM_BETA2 ** t);
          const stepSize = (lr * c) / (1 - ADAM_BETA1 ** t);
          const delta = tf.div(tf.mul(nextM, stepSize), tf.add(tf.sqrt(nextV), epsilon * c));
          return { delta, state: [nextM, nextV] };
        },
      };
    case 'rmsprop':
      // tf.js RMSPropOptimizer with its defaults (decay 0.9, momentum 0, not centered):
      // s ← ρ·s + (1−ρ)·g²; θ ← θ − lr·g/√(s + ε).
      return {
        slots: 1,
        update: (g, [s], _t, lr) => {
          const next = tf.add(tf.mul(s!, RMSPROP_DECAY), tf.mul(tf.square(g), 1 - RMSPROP_DECAY));
          const delta = tf.div(tf.mul(g, lr), tf.sqrt(tf.add(next, epsilon)));
          return { delta, state: [next] };
        },
      };
  }
}
