import { alphaFairWeights } from './alphaFair';
import { coefficientWeighting, type GradientWeighting } from './types';

/**
 * Nash-MTL (Navon et al., ICML 2022): the Nash bargaining solution among tasks, d = Σ αᵢgᵢ with
 * α > 0 solving (Mα)ᵢ = 1/αᵢ: each task's gain gᵢ·d is inversely proportional to its weight.
 * Solved exactly by Newton's method (./alphaFair.ts, p = 1) where the paper runs a few
 * iterations of a convex-concave procedure through a general solver.
 */
export function nashCoefficients(gram: number[][]): number[] {
  return alphaFairWeights(gram, 1);
}

/** Nash-MTL on the shared parameters, as the paper does; heads keep their own gradients. */
export function nashWeighting(): GradientWeighting {
  return coefficientWeighting('parameters', nashCoefficients);
}
