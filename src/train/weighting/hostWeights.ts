import * as tf from '@tensorflow/tfjs';
import type { StepLosses } from '../records';
import type { LossWeighting } from './types';

/** A loss weighting whose weights are plain numbers decided on the host before each step. */
export function hostWeighting(
  next: (lambdas: number[]) => number[],
  observe: (steps: StepLosses[]) => void = () => undefined,
): LossWeighting {
  return {
    family: 'loss',
    variables: [],
    objective: (losses, lambdas) => {
      const weights = tf.tensor1d(next(lambdas));
      return { total: tf.sum(tf.mul(losses, weights)), weights };
    },
    observe,
    dispose: () => undefined,
  };
}
