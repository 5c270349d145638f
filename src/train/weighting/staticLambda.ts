import { hostWeighting } from './hostWeights';
import type { LossWeighting } from './types';

/** L = Σ λᵢ·Lᵢ with the user's sliders. */
export function staticLambda(): LossWeighting {
  return hostWeighting((lambdas) => lambdas);
}
