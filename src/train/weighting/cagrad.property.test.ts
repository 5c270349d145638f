import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combination,
  dot,
  gradientSets,
  gramOfVectors,
  type Vectors,
} from '../../testing/gradientSets';
import { cagradWeights } from './cagrad';

const runs = Number(process.env.PROPERTY_RUNS ?? 300);

/**
 * CAGrad's weights checked by strong duality, on the vectors: d = g₀ + φ·g_w/‖g_w‖ lies in the
 * ball ‖d − g₀‖ ≤ φ, so P = minᵢ gᵢ·d is a value of the primal problem (max over that ball of
 * the worst task's gain) and D = F(w) = g_w·g₀ + φ‖g_w‖ one of the dual; D − P ≥ 0 bounds how far
 * each is from the common optimum. It must be within 1e-6 of the scale of the problem, or at the
 * level of rounding. Where g_w = 0 is optimal CAGrad's d is undefined and the primal optimum is
 * another point of the ball (found by no formula), so only weak duality is checked there.
 */
function dualityGap(
  vectors: Vectors,
  weights: number[],
  c: number,
): { gap: number; allowed: number; degenerate: boolean } {
  const n = vectors.length;
  const g0 = combination(
    vectors,
    vectors.map(() => 1 / n),
  );
  const gw = combination(vectors, weights);
  const phi = c * Math.sqrt(dot(g0, g0));
  const gwNorm = Math.sqrt(dot(gw, gw));
  // Primal candidates in the ball: g₀, CAGrad's direction, and for c ≥ 1 the zero direction,
  // which is the primal optimum where conflicts cancel exactly (g_w = 0 leaves CAGrad's undefined).
  const candidates = [
    g0,
    ...(gwNorm > 0 ? [g0.map((x, k) => x + (phi * gw[k]!) / gwNorm)] : []),
    ...(c >= 1 ? [g0.map(() => 0)] : []),
  ];
  const primal = Math.max(...candidates.map((d) => Math.min(...vectors.map((g) => dot(g, d)))));
  const dual = dot(gw, g0) + phi * gwNorm;
  const norms = vectors.map((g) => Math.sqrt(dot(g, g)));
  const spread = weights.reduce((s, w, i) => s + w * norms[i]!, 0);
  // Scale of F: its terms are products of gradients and of d, each as large as maxᵢ‖gᵢ‖ times
  // ‖g₀‖ + φ. A solver that sees only the Gram matrix knows ‖g_w‖ to about √ε·maxᵢ‖gᵢ‖, so
  // φ‖g_w‖, and F with it, only to about 1e-8 of that scale.
  const scale = Math.max(...norms) * (Math.sqrt(dot(g0, g0)) + phi + spread);
  return {
    gap: dual - primal,
    allowed: 1e-6 * Math.abs(dual) + 1e-7 * scale,
    degenerate: gwNorm <= 1e-6 * Math.max(...norms),
  };
}

describe('CAGrad weights', () => {
  it('solve the dual exactly: the primal-dual gap closes, for 2 to 16 tasks and c from 0.1 to 2', () => {
    fc.assert(
      fc.property(gradientSets, fc.constantFrom(0.1, 0.4, 0.5, 0.8, 1, 2), (vectors, c) => {
        const weights = cagradWeights(gramOfVectors(vectors), c);
        expect(weights.every((w) => w >= 0)).toBe(true);
        expect(Math.abs(weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-9);
        const { gap, allowed, degenerate } = dualityGap(vectors, weights, c);
        expect(gap).toBeGreaterThanOrEqual(-allowed);
        if (!degenerate) expect(gap).toBeLessThanOrEqual(allowed);
      }),
      { numRuns: runs * 2 },
    );
  });

  it('moves weight off a vertex it should not use: five conflicting gradients at c = 0.8', () => {
    // Five unit gradients at 72° steps in the plane, stretched unevenly: the average is small and
    // the worst task needs a corrected direction.
    const vectors = [1, 2, 3, 4, 5].map((k) => {
      const angle = (2 * Math.PI * k) / 5 + 0.1 * k;
      return [k * Math.cos(angle), k * Math.sin(angle), 0.1];
    });
    const weights = cagradWeights(gramOfVectors(vectors), 0.8);
    const { gap, allowed } = dualityGap(vectors, weights, 0.8);
    expect(gap).toBeLessThanOrEqual(allowed);
  });
});
