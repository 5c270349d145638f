import type { Rng } from '../../data/random';
import { hostWeighting } from './hostWeights';
import { tSoftmax, type LossWeighting } from './types';

/** Random Loss Weighting (Lin et al., TMLR 2022): each step λ = T·softmax(z), z ~ N(0, I). */
export function rlwWeights(rng: Rng): LossWeighting {
  return hostWeighting((lambdas) => rlwDraw(lambdas.length, rng));
}

/** One draw of RLW's weights. */
export function rlwDraw(tasks: number, rng: Rng): number[] {
  return tSoftmax(Array.from({ length: tasks }, () => rng.normal()));
}
