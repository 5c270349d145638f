import { projectToSimplex } from './linearAlgebra';
import type { GramWeighting } from './types';

/**
 * Simplex weights λ (starting at 1/T) that take one projected gradient step per training step,
 * λ ← Π_Δ(λ − γ·∇(λ, C)), from the products C = G¹G²ᵀ of two further batches' task gradients
 * (double sampling: MoDo, SDMGrad). The step's coefficients follow from the new λ; heads keep
 * their own gradients.
 */
export function simplexStepWeighting(
  gamma: number,
  gradient: (lambda: number[], products: number[][]) => number[],
  coefficients: (lambda: number[]) => number[] = (lambda) => lambda,
): GramWeighting {
  let lambda: number[] | null = null;
  return {
    family: 'gradient',
    level: 'parameters',
    doubleSampling: true,
    combine: (gram, _losses, cross) => {
      const l = lambda ?? gram.map(() => 1 / gram.length);
      const g = gradient(l, cross ?? gram);
      lambda = projectToSimplex(l.map((li, i) => li - gamma * g[i]!));
      return { coefficients: coefficients(lambda), headScales: gram.map(() => 1) };
    },
    dispose: () => undefined,
  };
}

/** C·v for a square matrix C. */
export const times = (c: number[][], v: readonly number[]): number[] =>
  c.map((row) => row.reduce((s, cij, j) => s + cij * v[j]!, 0));
