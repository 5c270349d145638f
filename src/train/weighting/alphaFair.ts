import { solveLinear } from './linearAlgebra';

/**
 * The α-fair combination of task gradients (Mo & Walrand's α-fairness, as FairGrad and Nash-MTL
 * use it): d = Σ wᵢgᵢ with w > 0 solving (Mw)ᵢ = wᵢ^(−1/p), i.e. each task's gain gᵢ·d falls as
 * its weight grows. p = 1 is proportional fairness (Nash-MTL's bargaining solution), larger p
 * leans toward the worst-off task. That system is the stationarity condition of the strictly
 * convex φ(w) = ½wᵀMw + Σ h(wᵢ) with h′(w) = −w^(−1/p) (h = −log w at p = 1), so Newton's method
 * with a backtracking line search (Hessian M + diag(w^(−1/p−1)/p)) converges from any positive
 * start; here it starts where it would end if the gradients were orthogonal. Where gradients
 * cancel (a null direction of M with positive entries) φ is unbounded below and w grows without
 * limit, as near the toy's Pareto set of two tasks: the search stops after ITERATIONS Newton
 * steps, with w capped at CAP times its start. A task without gradient weighs 0.
 */
const ITERATIONS = 20;
const CAP = 1e6;

export function alphaFairWeights(gram: number[][], p: number): number[] {
  const norms2 = gram.map((row, i) => Math.max(0, row[i]!));
  const index = norms2.flatMap((x, i) => (x > 0 ? [i] : []));
  const full = gram.map(() => 0);
  if (!index.length) return full;
  const m = index.map((i) => index.map((j) => gram[i]![j]!));
  const start = index.map((i) => norms2[i]! ** (-p / (p + 1)));
  const barrier = (w: number) => (p === 1 ? -Math.log(w) : (-p / (p - 1)) * w ** ((p - 1) / p));
  const objective = (w: number[]) =>
    0.5 * m.reduce((s, row, i) => s + w[i]! * row.reduce((t, x, j) => t + x * w[j]!, 0), 0) +
    w.reduce((s, x) => s + barrier(x), 0);
  let w = [...start];
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const gradient = m.map(
      (row, i) => row.reduce((s, x, j) => s + x * w[j]!, 0) - w[i]! ** (-1 / p),
    );
    const hessian = m.map((row, i) =>
      row.map((x, j) => x + (i === j ? w[i]! ** (-1 / p - 1) / p : 0)),
    );
    const step = solveLinear(
      hessian,
      gradient.map((g) => -g),
    );
    if (!step) break;
    const decrement = -gradient.reduce((s, g, i) => s + g * step[i]!, 0);
    if (!(decrement > 0) || step.every((x, i) => Math.abs(x) <= 1e-14 * w[i]!)) break;
    // Backtracking: stay positive and decrease φ by a quarter of the predicted amount.
    const current = objective(w);
    let t = 1;
    let next = w.map((x, i) => x + step[i]!);
    while (
      t > 1e-10 &&
      (next.some((x) => !(x > 0)) || !(objective(next) <= current - 0.25 * t * decrement))
    ) {
      t /= 2;
      next = w.map((x, i) => x + t * step[i]!);
    }
    if (t <= 1e-10) break;
    if (next.some((x, i) => x > CAP * start[i]!)) {
      w = next.map((x, i) => Math.min(x, CAP * start[i]!));
      break;
    }
    w = next;
  }
  index.forEach((i, k) => (full[i] = w[k]!));
  return full;
}
