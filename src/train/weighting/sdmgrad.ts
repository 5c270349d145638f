import { simplexStepWeighting, times } from './simplexStep';
import type { GramWeighting } from './types';

/**
 * SDMGrad, stochastic direction-oriented multi-objective gradient (Xiao et al., NeurIPS 2023):
 * the direction G·λ is kept near the average gradient ḡ by minimizing ½‖Gλ + ωḡ‖² + ½ρ‖λ‖² over
 * the simplex, one projected step per training step with the double-sampled products
 * C = G¹G²ᵀ: λ ← Π_Δ(λ − γ(C(λ + ω/T) + ρλ)). The step follows (Σ λᵢgᵢ + ωḡ)/(1 + ω) on the
 * training batch: coefficients (λᵢ + ω/T)/(1 + ω). ω = 0 is MoDo.
 */
export function sdmgradWeighting(omega: number, gamma: number, rho: number): GramWeighting {
  const shifted = (lambda: number[]) => lambda.map((l) => l + omega / lambda.length);
  return simplexStepWeighting(
    gamma,
    (lambda, c) => times(c, shifted(lambda)).map((x, i) => x + rho * lambda[i]!),
    (lambda) => shifted(lambda).map((x) => x / (1 + omega)),
  );
}
