import { projectToSimplex } from './linearAlgebra';
import type { GradientWeighting } from './types';

/**
 * SDMGrad, stochastic direction-oriented multi-objective gradient (Xiao et al., NeurIPS 2023):
 * the direction G·λ is kept near the average gradient ḡ by minimizing ½‖Gλ + ωḡ‖² + ½ρ‖λ‖² over
 * the simplex, one projected step per training step with the double-sampled products
 * C = G¹G²ᵀ: λ ← Π_Δ(λ − γ(Cλ + (ω/T)·C1 + ρλ)). The step follows (Σ λᵢgᵢ + ωḡ)/(1 + ω) on the
 * training batch: coefficients (λᵢ + ω/T)/(1 + ω). ω = 0 is MoDo without its regularization.
 */
export function sdmgradWeighting(omega: number, gamma: number, rho: number): GradientWeighting {
  let lambda: number[] | null = null;
  return {
    family: 'gradient',
    level: 'parameters',
    doubleSampling: true,
    combine: (gram, _losses, cross) => {
      const n = gram.length;
      const l = lambda ?? gram.map(() => 1 / n);
      const c = cross ?? gram;
      const gradient = c.map(
        (row, i) => row.reduce((s, cij, j) => s + cij * (l[j]! + omega / n), 0) + rho * l[i]!,
      );
      lambda = projectToSimplex(l.map((li, i) => li - gamma * gradient[i]!));
      return {
        coefficients: lambda.map((li) => (li + omega / n) / (1 + omega)),
        headScales: gram.map(() => 1),
      };
    },
    dispose: () => undefined,
  };
}
