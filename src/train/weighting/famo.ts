import * as tf from '@tensorflow/tfjs';
import { stopGradient, type LossWeighting } from './types';

/** Losses are floored here: log Lᵢ of a task trained to exactly 0 stays finite. */
const FLOOR = 1e-8;
/** Variable names must be unique in the tf.js engine. */
let instances = 0;

/**
 * FAMO, fast adaptive multitask optimization (Liu et al., NeurIPS 2023): weights z = softmax(ξ)
 * and the step d ∝ Σ zᵢ·∇log Lᵢ, normalized by c = Σ zᵢ/Lᵢ so that task i weighs zᵢ/(c·Lᵢ). After
 * the step, δᵢ = log Lᵢ(before) − log Lᵢ(after) on the same batch says how much each task
 * improved, and ξ takes an Adam step (rate β, L2 decay γ) along ∇_ξ(zᵀδ): tasks that improved
 * most lose weight. One extra forward pass a step, no per-task gradients: O(1) in T.
 */
export function famoWeighting(tasks: number, beta: number, gamma: number): LossWeighting {
  const logits = tf.variable(tf.zeros([tasks]), true, `famo_logits_${++instances}`);
  const optimizer = tf.train.adam(beta);
  /** This step's losses before the model moved. */
  let before: tf.Tensor1D | null = null;
  const forget = () => {
    before?.dispose();
    before = null;
  };
  return {
    family: 'loss',
    // ξ follows its own rule: it is not stepped with the model.
    variables: [],
    objective: (losses) => {
      const floored = tf.add(losses, FLOOR) as tf.Tensor1D;
      forget();
      before = tf.keep(stopGradient(floored));
      const z = tf.softmax(logits);
      const c = stopGradient(tf.sum(tf.div(z, floored)));
      const total = tf.div(tf.sum(tf.mul(z, tf.log(floored))), c) as tf.Scalar;
      const weights = tf.div(z, tf.mul(floored, c)) as tf.Tensor1D;
      return { total, weights };
    },
    observe: () => undefined,
    afterStep: (lossesAfter) => {
      if (!before) return;
      const improvement = tf.sub(tf.log(before), tf.log(tf.add(lossesAfter, FLOOR)));
      const gradient = tf.tidy(() => {
        const jvp = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(tf.softmax(xi), improvement)));
        return tf.add(jvp(logits), tf.mul(gamma, logits));
      });
      optimizer.applyGradients([{ name: logits.name, tensor: gradient }]);
      tf.dispose([improvement, gradient]);
      forget();
    },
    dispose: () => {
      forget();
      logits.dispose();
      optimizer.dispose();
    },
  };
}
