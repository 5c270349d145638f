import { simplexStepWeighting, times } from './simplexStep';
import type { GramWeighting } from './types';

/**
 * MoDo, multi-objective gradient with double sampling (Chen et al., NeurIPS 2023): the simplex
 * weights take one projected step per training step, λ ← Π_Δ(λ − γ(C + ρI)λ), where C = G¹G²ᵀ
 * multiplies the task gradients of two independent batches (an unbiased estimate of the Gram
 * matrix, which one batch's GGᵀ is not); the step then follows Σ λᵢgᵢ on the training batch.
 */
export function modoWeighting(gamma: number, rho: number): GramWeighting {
  return simplexStepWeighting(gamma, (lambda, c) =>
    times(c, lambda).map((x, i) => x + rho * lambda[i]!),
  );
}
