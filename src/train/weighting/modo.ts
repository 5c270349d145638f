import { projectToSimplex } from './linearAlgebra';
import type { GradientWeighting } from './types';

/**
 * MoDo, multi-objective gradient with double sampling (Chen et al., NeurIPS 2023): the simplex
 * weights take one projected step per training step, λ ← Π_Δ(λ − γ(C + ρI)λ), where C = G¹G²ᵀ
 * multiplies the task gradients of two independent batches (an unbiased estimate of the Gram
 * matrix, which one batch's GGᵀ is not); the step then follows Σ λᵢgᵢ on the training batch.
 */
export function modoWeighting(gamma: number, rho: number): GradientWeighting {
  let lambda: number[] | null = null;
  return {
    family: 'gradient',
    level: 'parameters',
    doubleSampling: true,
    combine: (gram, _losses, cross) => {
      const n = gram.length;
      const l = lambda ?? gram.map(() => 1 / n);
      const c = cross ?? gram;
      lambda = projectToSimplex(
        l.map((li, i) => li - gamma * (c[i]!.reduce((s, cij, j) => s + cij * l[j]!, 0) + rho * li)),
      );
      return { coefficients: lambda, headScales: gram.map(() => 1) };
    },
    dispose: () => undefined,
  };
}
