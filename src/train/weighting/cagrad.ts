import { goldenSection, matVec, quadratic } from './gram';
import { minNormWeights } from './mgda';
import { minNormPoint } from './minNorm';
import { coefficientWeighting, type GradientWeighting } from './types';

/** CAGrad's inner objective F(w) = g_w·g₀ + c·‖g₀‖·‖g_w‖ over simplex weights w. */
export function cagradObjective(gram: number[][], w: number[], c: number): number {
  const n = gram.length;
  const g0Norm = Math.sqrt(
    quadratic(
      gram,
      gram.map(() => 1 / n),
    ),
  );
  const rowMeans = matVec(
    gram,
    gram.map(() => 1 / n),
  ); // Mᵢ·1/T = gᵢ·g₀
  return (
    w.reduce((s, wi, i) => s + wi * rowMeans[i]!, 0) + c * g0Norm * Math.sqrt(quadratic(gram, w))
  );
}

/**
 * The simplex weights minimizing F(w) = b·w + φ‖g_w‖ (b = M·1/T, φ = c·‖g₀‖), exactly.
 *
 * F is convex but not a quadratic, so no finite QP method applies directly. Since
 * ‖x‖ = min over r > 0 of ‖x‖²/(2r) + r/2, min F = min over r of h(r), and for fixed r the inner
 * problem min b·w + φ‖g_w‖²/(2r) is, after completing the square, the min-norm point of the
 * shifted gradients gᵢ + t·g₀ with t = r/φ: one exact Wolfe solve (./minNorm.ts). h is convex
 * (a partial minimum of the jointly convex ‖x‖²/r), with h′(r) ∝ 1 − ‖g_w(r)‖²/r², so the
 * optimal r is the root of ‖g_w(r)‖ = r on [0, maxᵢ‖gᵢ‖], found by regula falsi (Illinois) with
 * bisection as a safeguard. Two tasks, where the landscape toy calls this 100 000 times per path,
 * keep a golden-section search on the one free weight.
 */
const SMALLEST_R = 1e-7;

export function cagradWeights(gram: number[][], c: number): number[] {
  const n = gram.length;
  if (n === 1) return [1];
  const found = n === 2 ? twoTaskWeights(gram, c) : searchedWeights(gram, c);
  // Where the optimum is degenerate (g_w = 0 reachable, or a single task) a search can stop
  // beside it; the exact candidates there cost T + 2 evaluations of F.
  const candidates = [
    found,
    minNormWeights(gram),
    ...gram.map((_, i) => gram.map((__, j) => (i === j ? 1 : 0))),
  ];
  const values = candidates.map((w) => cagradObjective(gram, w, c));
  return candidates[values.indexOf(Math.min(...values))]!;
}

function searchedWeights(gram: number[][], c: number): number[] {
  const n = gram.length;
  const b = matVec(
    gram,
    gram.map(() => 1 / n),
  );
  const g0Squared = Math.max(0, b.reduce((s, x) => s + x, 0) / n);
  const phi = c * Math.sqrt(g0Squared);
  const largest = Math.sqrt(Math.max(...gram.map((row, i) => row[i]!)));
  if (!(phi > 0) || !(largest > 0)) return gram.map(() => 1 / n);
  const solveAt = (r: number) => {
    const t = r / phi;
    const shifted = gram.map((row, i) =>
      row.map((x, j) => x + t * (b[i]! + b[j]!) + t * t * g0Squared),
    );
    const weights = minNormPoint(shifted).weights;
    return { weights, excess: Math.sqrt(quadratic(gram, weights)) - r };
  };
  // excess(r) = ‖g_w(r)‖ − r falls through zero once: above it, a larger r lowers F. From the
  // Gram matrix alone ‖g_w‖ is known only to about √ε·maxᵢ‖gᵢ‖, so below SMALLEST_R·maxᵢ‖gᵢ‖
  // its sign is noise; a root down there moves F by less than that fraction of its scale.
  return rootWeights(solveAt, largest);
}

/** The weights at the root of ‖g_w(r)‖ = r on [SMALLEST_R·largest, largest]. */
function rootWeights(
  solveAt: (r: number) => { weights: number[]; excess: number },
  largest: number,
): number[] {
  let lo = { r: SMALLEST_R * largest, ...solveAt(SMALLEST_R * largest) };
  if (lo.excess <= 0) return lo.weights;
  let hi = { r: largest, ...solveAt(largest) };
  if (hi.excess >= 0) return hi.weights;
  let side = 0;
  for (let k = 0; k < 200 && hi.r - lo.r > 1e-13 * hi.r; k++) {
    const secant = (lo.r * hi.excess - hi.r * lo.excess) / (hi.excess - lo.excess);
    const r = secant > lo.r && secant < hi.r ? secant : (lo.r + hi.r) / 2;
    const next = { r, ...solveAt(r) };
    if (next.excess === 0) return next.weights;
    if (next.excess > 0) {
      lo = next;
      if (side === 1) hi = { ...hi, excess: hi.excess / 2 };
      side = 1;
    } else {
      hi = next;
      if (side === -1) lo = { ...lo, excess: lo.excess / 2 };
      side = -1;
    }
  }
  return solveAt((lo.r + hi.r) / 2).weights;
}

/** The two-task case written out in the three Gram entries, so that it costs microseconds. */
function twoTaskWeights(gram: number[][], c: number): number[] {
  const [[g11, g12], [, g22]] = gram as [[number, number], [number, number]];
  const coef = c * 0.5 * Math.sqrt(Math.max(0, g11 + 2 * g12 + g22));
  const w1 = goldenSection((x) => {
    const y = 1 - x;
    const dotG0 = 0.5 * (x * (g11 + g12) + y * (g12 + g22));
    return dotG0 + coef * Math.sqrt(Math.max(0, x * x * g11 + 2 * x * y * g12 + y * y * g22));
  });
  return [w1, 1 - w1];
}

/**
 * CAGrad (Liu et al., NeurIPS 2021): d = g₀ + (c·‖g₀‖/‖g_w‖)·g_w, divided by the rescale
 * convention's factor (LibMTL's `rescale`: 0 none, 1 1 + c² as in the paper, 2 1 + c), as
 * coefficients over the task gradients: cᵢ = (1/T + s·wᵢ)/factor with s = c·‖g₀‖/‖g_w‖.
 */
export function cagradCoefficients(gram: number[][], c: number, rescale = 1): number[] {
  const n = gram.length;
  const w = cagradWeights(gram, c);
  const g0Norm = Math.sqrt(
    quadratic(
      gram,
      gram.map(() => 1 / n),
    ),
  );
  const gwNorm = Math.sqrt(quadratic(gram, w));
  const s = gwNorm > 0 ? (c * g0Norm) / gwNorm : 0;
  const factor = [1, 1 + c * c, 1 + c][rescale] ?? 1 + c * c;
  return w.map((wi) => (1 / n + s * wi) / factor);
}

/** CAGrad on the shared parameters; task-specific heads keep their own gradients. */
export function cagradWeighting(c: number, rescale = 1): GradientWeighting {
  return coefficientWeighting('parameters', (gram) => cagradCoefficients(gram, c, rescale));
}
