import * as tf from '@tensorflow/tfjs';
import type { OptimizerKind } from '../spec/types';
import { createOptimizer } from './optimizer';

/**
 * Variables updated together by one optimizer, always with the same variable list: tf.js
 * optimizers index their slots (Adam's moments) by position, so a group never changes its list.
 */
export interface ParamGroup {
  variables: tf.Variable[];
  optimizer: tf.Optimizer;
}

/** A group with a fresh optimizer, or null when there is nothing to train. */
export function createGroup(
  variables: tf.Variable[],
  kind: OptimizerKind,
  learningRate: number,
): ParamGroup | null {
  return variables.length ? { variables, optimizer: createOptimizer(kind, learningRate) } : null;
}

/**
 * One optimizer step of a group from gradients in variable order (null = no gradient, skipped as
 * zero), then decoupled weight decay w ← decay·w on kernels only (rank ≥ 2: not biases or norms).
 */
export function stepGroup(group: ParamGroup, grads: (tf.Tensor | null)[], decay: number): void {
  const named: tf.NamedTensorMap = {};
  group.variables.forEach((v, i) => {
    named[v.name] = grads[i] ?? tf.zerosLike(v);
  });
  group.optimizer.applyGradients(named);
  if (decay < 1) for (const v of group.variables) if (v.rank >= 2) v.assign(tf.mul(v, decay));
}
