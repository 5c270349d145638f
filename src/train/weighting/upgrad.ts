import { choleskySolve } from './linearAlgebra';
import { coefficientWeighting, type GradientWeighting } from './types';

/**
 * UPGrad (Quinton & Rey, 2024, "Jacobian Descent for Multi-Objective Optimization"): projects each
 * task gradient gᵢ onto the dual cone {v : gⱼ·v ≥ 0 for every j}, the directions that harm no
 * task, and adds the projections. A projection is gᵢ + Σ μⱼgⱼ with μ ≥ 0 minimizing
 * ‖gᵢ + Σ μⱼgⱼ‖² (the dual of the projection), a non-negative least-squares problem on the
 * Gram matrix; so d = Σᵢ (eᵢ + μ⁽ⁱ⁾)·g, and d·gⱼ ≥ 0 for every task. Where no task conflicts, d is
 * Equal's Σ gᵢ (the reference implementation averages; summed here like every other strategy).
 */
export function upgradCoefficients(gram: number[][]): number[] {
  const n = gram.length;
  const total = gram.map(() => 0);
  gram.forEach((_, i) => {
    const mu = nonNegativeLeastSquares(
      gram,
      gram.map((row) => row[i]!),
    );
    mu.forEach((m, j) => (total[j]! += m + (i === j ? 1 : 0)));
  });
  return n ? total : [];
}

/**
 * argmin over μ ≥ 0 of ½μᵀMμ + qᵀμ for positive semi-definite M, by Lawson and Hanson's active
 * set method (1974): free variables enter by the most negative gradient, and a step that would
 * make one negative stops where it reaches zero. M gets a ridge of 1e-12 of its scale, so that
 * every subproblem is positive definite; it moves the answer by as little.
 */
export function nonNegativeLeastSquares(m: number[][], q: number[]): number[] {
  const n = q.length;
  const scale = Math.max(0, ...m.map((row, i) => row[i]!));
  if (!(scale > 0)) return q.map(() => 0);
  const ridged = m.map((row, i) => row.map((x, j) => (i === j ? x + 1e-12 * scale : x)));
  let mu = q.map(() => 0);
  let free: number[] = [];
  const gradient = () => ridged.map((row, i) => row.reduce((s, x, j) => s + x * mu[j]!, 0) + q[i]!);
  for (let outer = 0; outer < 3 * n + 10; outer++) {
    const g = gradient();
    let entering = -1;
    let most = -1e-14 * scale * Math.max(1, ...mu.map(Math.abs));
    g.forEach((x, j) => {
      if (!free.includes(j) && x < most) {
        most = x;
        entering = j;
      }
    });
    if (entering < 0) break;
    free = [...free, entering];
    for (let inner = 0; inner <= n; inner++) {
      const solved = choleskySolve(
        free.map((i) => free.map((j) => ridged[i]![j]!)),
        free.map((i) => -q[i]!),
      );
      if (!('x' in solved)) return mu;
      const z = q.map(() => 0);
      free.forEach((i, k) => (z[i] = solved.x[k]!));
      if (free.every((i) => z[i]! > 0)) {
        mu = z;
        break;
      }
      let alpha = 1;
      for (const i of free) if (z[i]! <= 0) alpha = Math.min(alpha, mu[i]! / (mu[i]! - z[i]!));
      mu = mu.map((x, i) => x + alpha * (z[i]! - x));
      free = free.filter((i) => mu[i]! > 0);
      mu = mu.map((x, i) => (free.includes(i) ? x : 0));
    }
  }
  return mu;
}

/** UPGrad on the shared parameters; heads keep their own gradients. */
export function upgradWeighting(): GradientWeighting {
  return coefficientWeighting('parameters', upgradCoefficients);
}
