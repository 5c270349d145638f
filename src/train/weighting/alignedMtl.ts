import { symmetricEigen } from './linearAlgebra';
import { coefficientWeighting, type GradientWeighting } from './types';

/**
 * Aligned-MTL (Senushkin et al., CVPR 2023): makes the system of task gradients well conditioned
 * before summing it. With M = GᵀG = VΛVᵀ, the aligned gradients are G·B, B = √λ_min·VΛ^(−½)Vᵀ:
 * every principal direction is rescaled to the smallest singular value, so no direction (and no
 * dominant task) outweighs the others. d = G·B·1, i.e. coefficients B·1. Directions with
 * eigenvalue below T·ε·λ_max carry no gradient and are left out, as in LibMTL.
 */
export function alignedCoefficients(gram: number[][]): number[] {
  const n = gram.length;
  const { values, vectors } = symmetricEigen(gram);
  const largest = Math.max(...values);
  if (!(largest > 0)) return gram.map(() => 1);
  const tolerance = largest * n * Number.EPSILON;
  const kept = values
    .map((lambda, k) => ({ lambda, vector: vectors[k]! }))
    .filter((e) => e.lambda > tolerance);
  const smallest = Math.min(...kept.map((e) => e.lambda));
  // B·1 = √λ_min · Σₖ vₖ (vₖ·1)/√λₖ
  return gram.map((_, i) =>
    kept.reduce((s, { lambda, vector }) => {
      const along = vector.reduce((t, x) => t + x, 0);
      return s + Math.sqrt(smallest / lambda) * vector[i]! * along;
    }, 0),
  );
}

/** Aligned-MTL at the shared representation where there is one (the paper's "UB" variant). */
export function alignedWeighting(level: 'representation' | 'parameters'): GradientWeighting {
  return coefficientWeighting(level, alignedCoefficients);
}
