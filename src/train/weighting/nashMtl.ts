import { solveLinear } from './linearAlgebra';
import type { GradientWeighting } from './types';

/**
 * Nash-MTL (Navon et al., ICML 2022): the Nash bargaining solution among tasks, d = Σ αᵢgᵢ with
 * α > 0 solving (Mα)ᵢ = 1/αᵢ: each task's gain gᵢ·d is inversely proportional to its weight.
 * That is the stationarity condition of φ(α) = ½αᵀMα − Σ log αᵢ, which is strictly convex and
 * self-concordant, so damped Newton (Hessian M + diag(1/α²)) converges from any positive start
 * and stops on its Newton decrement, where the paper runs a few iterations of a convex-concave
 * procedure through a general solver. Where the gradients cancel (a null direction of M with
 * positive entries) φ is unbounded and α grows without limit, as it does near the Pareto set of
 * two tasks; the paper stops after 20 iterations of its procedure, and so does this, with α also
 * capped at NASH_CAP times its start. Elsewhere Newton converges in a handful of iterations.
 */
const NASH_CAP = 1e6;
const NASH_ITERATIONS = 20;

export function nashCoefficients(gram: number[][]): number[] {
  const norms = gram.map((row, i) => Math.sqrt(Math.max(0, row[i]!)));
  const active = norms.map((x) => x > 0);
  if (!active.some(Boolean)) return gram.map(() => 0);
  // A task without gradient has no bargaining power and no direction: weight 0.
  const index = norms.flatMap((_, i) => (active[i] ? [i] : []));
  const m = index.map((i) => index.map((j) => gram[i]![j]!));
  const start = index.map((i) => 1 / norms[i]!);
  let alpha = [...start];
  for (let iteration = 0; iteration < NASH_ITERATIONS; iteration++) {
    const ma = m.map((row) => row.reduce((s, x, j) => s + x * alpha[j]!, 0));
    const gradient = ma.map((x, i) => x - 1 / alpha[i]!);
    const hessian = m.map((row, i) => row.map((x, j) => x + (i === j ? 1 / alpha[i]! ** 2 : 0)));
    const step = solveLinear(
      hessian,
      gradient.map((g) => -g),
    );
    if (!step) break;
    const decrement = -gradient.reduce((s, g, i) => s + g * step[i]!, 0);
    // Converged when φ is within 1e-20 of its minimum, or α moves by less than rounding.
    if (decrement < 2e-20 || step.every((x, i) => Math.abs(x) <= 1e-14 * alpha[i]!)) break;
    // Damped Newton for self-concordant functions: a full step once the decrement is small.
    const damping = decrement > 0.25 ? 1 / (1 + Math.sqrt(decrement)) : 1;
    const next = alpha.map((a, i) => a + damping * step[i]!);
    if (next.some((a, i) => !(a > 0) || a > NASH_CAP * start[i]!)) {
      alpha = next.map((a, i) => Math.min(NASH_CAP * start[i]!, Math.max(a, alpha[i]! / 2)));
      break;
    }
    alpha = next;
  }
  const full = gram.map(() => 0);
  index.forEach((i, k) => (full[i] = alpha[k]!));
  return full;
}

/** Nash-MTL on the shared parameters, as the paper does; heads keep their own gradients. */
export function nashWeighting(): GradientWeighting {
  return {
    family: 'gradient',
    level: 'parameters',
    combine: (gram) => ({ coefficients: nashCoefficients(gram), headScales: gram.map(() => 1) }),
    dispose: () => undefined,
  };
}
