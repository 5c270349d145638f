import { hostWeighting } from './hostWeights';
import type { LossWeighting } from './types';

/** L = Σ Lᵢ. */
export function equalWeights(): LossWeighting {
  return hostWeighting((lambdas) => lambdas.map(() => 1));
}
