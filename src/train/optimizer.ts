import * as tf from '@tensorflow/tfjs';
import type { OptimizerKind } from '../spec/types';

/** A fresh optimizer of the chosen kind (momentum 0.9 for SGD+momentum, as Keras users expect). */
export function createOptimizer(kind: OptimizerKind, learningRate: number): tf.Optimizer {
  switch (kind) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
  }
}

/**
 * Changes the learning rate of a live optimizer without losing its state (moments, velocity).
 * SGD and momentum expose a setter; Adam and RMSProp read their `learningRate` field on every
 * step, so we set it.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  // Not `instanceof`: tf.js optimizers duck-type it, so an Adam "is" an SGDOptimizer.
  const sgd = optimizer as Partial<Pick<tf.SGDOptimizer, 'setLearningRate'>>;
  if (typeof sgd.setLearningRate === 'function') sgd.setLearningRate(learningRate);
  else (optimizer as unknown as { learningRate: number }).learningRate = learningRate;
}
