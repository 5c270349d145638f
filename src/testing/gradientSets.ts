/**
 * Sets of task gradients that make simplex solvers fail, for property tests: mixed scales (norm
 * ratios up to 1e6), rank-deficient sets, nearly parallel and exactly opposite pairs, duplicates,
 * vanishing gradients. Also an exact reference for the min-norm point that shares no algorithm with the
 * solver under test: it works on the vectors themselves (QR by modified Gram–Schmidt), not on
 * their Gram matrix, and enumerates every support instead of searching.
 */
import fc from 'fast-check';
import { combineVectors, dot, gramOf } from '../train/weighting/gram';

export type Vectors = number[][];

export { dot, combineVectors as combination, gramOf as gramOfVectors };

/** A coordinate in [−1, 1] on a grid of 1e-4, so that shrinking cannot reach denormal numbers. */
const unit = fc.integer({ min: -10_000, max: 10_000 }).map((k) => k / 10_000);

/** T gradients in d dimensions built from `rank` random directions, each with its own scale. */
const mixedScale = fc
  .record({
    tasks: fc.integer({ min: 2, max: 16 }),
    dims: fc.integer({ min: 1, max: 12 }),
    rank: fc.integer({ min: 1, max: 12 }),
    seedValues: fc.array(unit, { minLength: 16 * 12 * 2, maxLength: 16 * 12 * 2 }),
    exponents: fc.array(
      fc.integer({ min: -300, max: 300 }).map((k) => k / 100),
      {
        minLength: 16,
        maxLength: 16,
      },
    ),
  })
  .map(({ tasks, dims, rank, seedValues, exponents }) => {
    const r = Math.min(rank, dims);
    const basis = Array.from({ length: r }, (_, b) =>
      Array.from({ length: dims }, (_, k) => seedValues[b * dims + k]!),
    );
    return Array.from({ length: tasks }, (_, t) => {
      const mix = Array.from({ length: r }, (_, b) => seedValues[192 + t * 12 + b]!);
      const raw = combineVectors(basis, mix);
      const norm = Math.sqrt(dot(raw, raw)) || 1;
      return raw.map((x) => (x / norm) * 10 ** exponents[t]!);
    });
  });

/** Edits that make a set adversarial: a near copy, an exact opposite, a zero, a duplicate. */
const adversarial = fc
  .tuple(
    mixedScale,
    fc.array(
      fc.record({
        kind: fc.constantFrom('nearCopy', 'opposite', 'zero', 'duplicate', 'orthogonalScale'),
        from: fc.nat(),
        factor: fc.integer({ min: -300, max: 300 }).map((k) => 10 ** (k / 100)),
      }),
      { maxLength: 3 },
    ),
  )
  .map(([vectors, edits]) => {
    const out = vectors.map((v) => [...v]);
    for (const { kind, from, factor } of edits) {
      const source = out[from % out.length]!;
      const target = (from + 1) % out.length;
      if (kind === 'nearCopy') out[target] = source.map((x, k) => x * (1 + 1e-7 * ((k % 3) - 1)));
      if (kind === 'opposite') out[target] = source.map((x) => -factor * x);
      if (kind === 'zero') out[target] = source.map(() => 0);
      if (kind === 'duplicate') out[target] = [...source];
      if (kind === 'orthogonalScale') out[target] = out[target]!.map((x) => x * factor);
    }
    return out;
  });

export const gradientSets: fc.Arbitrary<Vectors> = fc.oneof(mixedScale, adversarial);

/** Orthogonal gradients with the given norms: the min-norm weights are ∝ 1/‖gᵢ‖². */
export function orthogonal(norms: number[]): Vectors {
  return norms.map((n, i) => norms.map((_, k) => (k === i ? n : 0)));
}

/**
 * The exact min-norm point of conv{gᵢ} (T ≤ ~10): for every support S, the point of aff(S)
 * nearest the origin by QR of the differences gₖ − g₀; those with non-negative barycentric
 * weights lie in the hull, and the least of them is the optimum (the optimal support is among
 * them). Returns the optimal squared norm.
 */
export function exactMinNorm(vectors: Vectors): number {
  const n = vectors.length;
  let best = Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    const support = vectors.filter((_, i) => mask & (1 << i));
    const point = nearestInHull(support);
    if (point) best = Math.min(best, dot(point, point));
  }
  return best;
}

/** The nearest point to the origin of aff(support), if its barycentric weights are all ≥ 0. */
function nearestInHull(support: Vectors): number[] | null {
  const [base, ...rest] = support as [number[], ...number[][]];
  const diffs = rest.map((p) => p.map((x, k) => x - base[k]!));
  // Modified Gram–Schmidt: Q orthonormal, R upper triangular with diffs = Q·R.
  const q: number[][] = [];
  const r: number[][] = diffs.map(() => diffs.map(() => 0));
  for (let j = 0; j < diffs.length; j++) {
    let v = [...diffs[j]!];
    for (let i = 0; i < q.length; i++) {
      r[i]![j] = dot(q[i]!, v);
      v = v.map((x, k) => x - r[i]![j]! * q[i]![k]!);
    }
    const norm = Math.sqrt(dot(v, v));
    const scale = Math.sqrt(dot(diffs[j]!, diffs[j]!));
    if (!(norm > 1e-10 * scale)) return null; // affinely dependent: a smaller support covers it
    r[j]![j] = norm;
    q.push(v.map((x) => x / norm));
  }
  // Nearest point: base − Q·Qᵀ·base, at ν with R·ν = −Qᵀ·base.
  const c = q.map((qi) => -dot(qi, base));
  const nu = new Array<number>(diffs.length).fill(0);
  for (let i = diffs.length - 1; i >= 0; i--) {
    let s = c[i]!;
    for (let j = i + 1; j < diffs.length; j++) s -= r[i]![j]! * nu[j]!;
    nu[i] = s / r[i]![i]!;
  }
  const weights = [1 - nu.reduce((s, x) => s + x, 0), ...nu];
  if (weights.some((w) => w < -1e-13)) return null;
  return base.map((x, k) => x + nu.reduce((s, v, i) => s + v * diffs[i]![k]!, 0));
}
