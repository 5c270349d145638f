import type { Rng } from '../../data/random';
import { hostWeighting } from './hostWeights';
import { tSoftmax, type LossWeighting } from './types';

/** How RLW draws its weights (Lin et al. compare these; the paper's default is the first). */
export const RLW_DISTRIBUTIONS = ['normal', 'uniform', 'dirichlet', 'oneTask'] as const;
export type RlwDistribution = (typeof RLW_DISTRIBUTIONS)[number];

/**
 * Random Loss Weighting (Lin et al., TMLR 2022): each step fresh random weights, by default
 * λ = softmax(z), z ~ N(0, I). Scaled to sum to T (as Equal's weights do) or to 1 (LibMTL).
 */
export function rlwWeights(
  rng: Rng,
  distribution: RlwDistribution,
  sumToOne: boolean,
): LossWeighting {
  return hostWeighting((lambdas) => rlwDraw(lambdas.length, rng, distribution, sumToOne));
}

/** One draw of RLW's weights. */
export function rlwDraw(
  tasks: number,
  rng: Rng,
  distribution: RlwDistribution = 'normal',
  sumToOne = false,
): number[] {
  const simplex = drawOnSimplex(tasks, rng, distribution);
  return simplex.map((w) => (sumToOne ? w : tasks * w));
}

/** Weights ≥ 0 that sum to 1. */
function drawOnSimplex(tasks: number, rng: Rng, distribution: RlwDistribution): number[] {
  const each = (draw: () => number) => Array.from({ length: tasks }, draw);
  switch (distribution) {
    case 'normal':
      return tSoftmax(each(() => rng.normal())).map((w) => w / tasks);
    case 'uniform':
      return tSoftmax(each(() => rng.next())).map((w) => w / tasks);
    case 'dirichlet': {
      // Dirichlet(1, …, 1): normalized standard exponentials.
      const e = each(() => -Math.log(1 - rng.next()));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    }
    case 'oneTask': {
      const k = rng.int(tasks);
      return each(() => 0).map((_, i) => (i === k ? 1 : 0));
    }
  }
}
