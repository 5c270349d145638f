import * as tf from '@tensorflow/tfjs';
import type { OptimizerKind } from '../spec/types';

/** A fresh optimizer of the chosen kind. */
export function createOptimizer(kind: OptimizerKind, learningRate: number): tf.Optimizer {
  return kind === 'adam' ? tf.train.adam(learningRate) : tf.train.sgd(learningRate);
}

/**
 * Changes the learning rate of a live optimizer without losing its state (Adam's moments).
 * Only SGD exposes a setter; Adam reads its `learningRate` field on every step, so we set it.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  // Not `instanceof`: tf.js optimizers duck-type it, so an Adam "is" an SGDOptimizer.
  const sgd = optimizer as Partial<Pick<tf.SGDOptimizer, 'setLearningRate'>>;
  if (typeof sgd.setLearningRate === 'function') sgd.setLearningRate(learningRate);
  else (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}
