/**
 * The min-norm point of the convex hull of T points gᵢ, given only their Gram matrix Mᵢⱼ = gᵢ·gⱼ:
 * min ‖Σ αᵢgᵢ‖² over the simplex α ≥ 0, Σ αᵢ = 1. MGDA solves this problem directly; CAGrad
 * solves a family of them (./cagrad.ts).
 *
 * Wolfe's algorithm (Wolfe 1976, "Finding the nearest point in a polytope"): an active-set method
 * that keeps a "corral" S of affinely independent points whose affine hull's nearest point lies in
 * their convex hull. It is finite, needs no step size, and so does not care how differently the
 * gradients are scaled, where first-order methods with a 1/L step crawl along the small ones. It
 * stops on a certificate: the Frank–Wolfe gap f(α) − minᵢ (Mα)ᵢ bounds f(α) − f* from above
 * (f* ≥ f(α) + ∇f·(α* − α) ≥ 2·minᵢ(Mα)ᵢ − f(α)), and is driven down to rounding level.
 */

import { choleskySolve } from './linearAlgebra';

export interface SimplexSolution {
  /** The weights α (non-negative, summing to 1). */
  weights: number[];
  /** ‖Σ αᵢgᵢ‖² at those weights. */
  value: number;
  /** f(α) − minᵢ (Mα)ᵢ ≥ (f(α) − f*)/2: the optimality certificate, in the Gram matrix's units. */
  gap: number;
  /** Corral changes made (Wolfe's major plus minor cycles): a measure of work, not of time. */
  iterations: number;
}

/** How far above rounding noise the gap must be for a point to be worth adding to the corral. */
const RELATIVE_GAP = 1e-12;
const ROUNDING = 1e-15;

export function minNormPoint(gram: readonly (readonly number[])[]): SimplexSolution {
  const n = gram.length;
  if (n === 1) return finish(gram, [1], 0);
  const scale = Math.max(...gram.map((row, i) => row[i]!));
  if (!(scale > 0) || !Number.isFinite(scale)) return finish(gram, uniform(n), 0);
  // Working in units of the largest squared norm keeps every entry ≤ 1 without changing α.
  const m = gram.map((row) => row.map((x) => x / scale));
  // Start from a pair that points opposite ways if there is one (the origin lies between them),
  // else from the shortest gradient.
  const opposite = oppositePair(m);
  let corral = opposite ? opposite.pair : [argmin(m.map((row, i) => row[i]!))];
  let lambda = opposite ? opposite.weights : [1];
  let iterations = 0;
  for (let major = 0; major < 4 * n + 20; major++) {
    const next = entering(m, corral, lambda);
    if (next < 0 || corral.includes(next)) break;
    corral = [...corral, next];
    lambda = [...lambda, 0];
    // Minor cycles: move toward the corral's affine minimizer, dropping points whose weight it
    // would make negative, until the affine minimizer lies inside the corral's hull.
    for (let minor = 0; minor <= n; minor++) {
      iterations++;
      const affine = affineMinimizer(m, corral);
      if ('weights' in affine && affine.weights.every((x) => x > 0)) {
        lambda = affine.weights;
        break;
      }
      const moved =
        'weights' in affine
          ? towardMinimizer(lambda, affine.weights)
          : reduceDependent(lambda, affine.dependence);
      corral = corral.filter((_, k) => moved.keep[k]);
      lambda = normalize(moved.lambda.filter((_, k) => moved.keep[k]));
    }
  }
  return finish(gram, spread(n, corral, lambda), iterations);
}

/**
 * Two gradients that point opposite ways to working precision, with the weights that balance
 * them. Next to much longer gradients such a pair is where rounding in the corral's linear
 * algebra could otherwise make the search cycle; starting from it, the search only has to check it.
 */
function oppositePair(m: number[][]): { pair: number[]; weights: number[] } | null {
  for (let i = 0; i < m.length; i++) {
    for (let j = i + 1; j < m.length; j++) {
      const ni = Math.sqrt(m[i]![i]!);
      const nj = Math.sqrt(m[j]![j]!);
      if (ni > 0 && nj > 0 && m[i]![j]! <= -(1 - 1e-14) * ni * nj)
        return { pair: [i, j], weights: [nj / (ni + nj), ni / (ni + nj)] };
    }
  }
  return null;
}

interface CorralMove {
  lambda: number[];
  keep: boolean[];
}

/**
 * One minor cycle: the step from λ toward the affine minimizer μ (which lies outside the hull)
 * that stops where the first weight reaches zero; that point leaves.
 */
function towardMinimizer(lambda: number[], mu: number[]): CorralMove {
  let theta = 1;
  mu.forEach((x, k) => {
    if (x <= 0) theta = Math.min(theta, lambda[k]! / (lambda[k]! - x));
  });
  const moved = lambda.map((l, k) => theta * mu[k]! + (1 - theta) * l);
  const leaving = argmin(moved.map((l, k) => (mu[k]! <= 0 ? l : Infinity)));
  return { lambda: moved, keep: moved.map((l, k) => k !== leaving && l > 0) };
}

/**
 * A corral that rounding has made affinely dependent (Σ cₖpₖ ≈ 0 with Σ cₖ = 0) is reduced as in
 * Carathéodory's theorem: λ − t·c names the same point for every t, so t grows until a weight
 * reaches zero and that point leaves. The sign of c is chosen so that the point just added
 * (last, with weight 0) is not the one to leave, or the next major cycle would add it again.
 */
function reduceDependent(lambda: number[], dependence: number[]): CorralMove {
  const c = dependence.at(-1)! > 0 ? dependence.map((x) => -x) : dependence;
  let t = Infinity;
  let leaving = -1;
  c.forEach((x, k) => {
    if (x > 0 && lambda[k]! / x < t) {
      t = lambda[k]! / x;
      leaving = k;
    }
  });
  // No weight can fall (the dependence vanished in rounding): the point just added leaves.
  if (leaving < 0) return { lambda, keep: lambda.map((_, k) => k < lambda.length - 1) };
  const moved = lambda.map((l, k) => Math.max(0, l - t * c[k]!));
  return { lambda: moved, keep: moved.map((_, k) => k !== leaving) };
}

/**
 * The point gᵢ that most lowers ‖x‖² when x = Σ λₖ g_Sₖ moves toward it (the smallest x·gᵢ), or
 * −1 when no x·gᵢ is below ‖x‖² by more than rounding: x is then optimal to working precision.
 */
function entering(m: number[][], corral: number[], lambda: number[]): number {
  const products = m.map((row) => corral.reduce((s, j, k) => s + row[j]! * lambda[k]!, 0));
  const value = Math.max(
    0,
    corral.reduce((s, j, k) => s + lambda[k]! * products[j]!, 0),
  );
  // ‖x‖² sums terms as large as (Σ λₖ‖g_Sₖ‖)², which cancel where x is near the origin.
  const spread = corral.reduce((s, j, k) => s + lambda[k]! * Math.sqrt(m[j]![j]!), 0);
  let best = -1;
  let bestImprovement = 0;
  m.forEach((row, i) => {
    const magnitude = corral.reduce((s, j, k) => s + Math.abs(row[j]!) * lambda[k]!, 0);
    const noise = RELATIVE_GAP * value + ROUNDING * (m.length + 2) * (magnitude + spread * spread);
    const improvement = value - products[i]! - noise;
    if (improvement > bestImprovement) {
      bestImprovement = improvement;
      best = i;
    }
  });
  return best;
}

/**
 * Barycentric weights μ (Σμ = 1, in corral order) of the point of the corral's affine hull nearest
 * the origin, or, if the corral is affinely dependent to working precision, the dependence.
 * With p₀ the corral's shortest point and dₖ = pₖ − p₀, the point p₀ + Σ νₖdₖ is nearest when
 * (dⱼ·dₖ)ν = −(dⱼ·p₀), solved by Cholesky, which is stable under the wildly different lengths of
 * the dₖ (the bordered KKT system is not: its border of ones swamps small squared norms).
 */
function affineMinimizer(
  m: number[][],
  corral: number[],
): { weights: number[] } | { dependence: number[] } {
  if (corral.length === 1) return { weights: [1] };
  const baseAt = argmin(corral.map((i) => m[i]![i]!));
  const base = corral[baseAt]!;
  const rest = corral.filter((_, k) => k !== baseAt);
  const a = rest.map((i) =>
    rest.map((j) => m[i]![j]! - m[i]![base]! - m[base]![j]! + m[base]![base]!),
  );
  const b = rest.map((i) => m[base]![base]! - m[i]![base]!);
  const withBase = (coefficients: number[], baseValue: number) => {
    const full = [...coefficients];
    full.splice(baseAt, 0, baseValue);
    return full;
  };
  const solved = choleskySolve(a, b);
  if ('x' in solved) return { weights: withBase(solved.x, 1 - sum(solved.x)) };
  // dⱼ ≈ Σ yₚdₚ: as a combination of points, pⱼ − Σ yₚpₚ − (1 − Σ yₚ)p₀ ≈ 0.
  const coefficients = rest.map((_, k) =>
    k === solved.column ? 1 : k < solved.column ? -solved.combination[k]! : 0,
  );
  return { dependence: withBase(coefficients, -sum(coefficients)) };
}

/** The solution with its value and certificate, measured on the caller's (unscaled) matrix. */
function finish(
  gram: readonly (readonly number[])[],
  weights: number[],
  iterations: number,
): SimplexSolution {
  const products = gram.map((row) => row.reduce((s, x, j) => s + x * weights[j]!, 0));
  const value = Math.max(
    0,
    weights.reduce((s, w, i) => s + w * products[i]!, 0),
  );
  return { weights, value, gap: Math.max(0, value - Math.min(...products)), iterations };
}

function spread(n: number, corral: number[], lambda: number[]): number[] {
  const weights = new Array<number>(n).fill(0);
  corral.forEach((i, k) => (weights[i] = lambda[k]!));
  return normalize(weights);
}

function normalize(v: number[]): number[] {
  const total = sum(v);
  return v.map((x) => x / total);
}

function sum(v: number[]): number {
  return v.reduce((s, x) => s + x, 0);
}

function uniform(n: number): number[] {
  return Array.from({ length: n }, () => 1 / n);
}

function argmin(v: number[]): number {
  return v.reduce((best, x, i) => (x < v[best]! ? i : best), 0);
}
