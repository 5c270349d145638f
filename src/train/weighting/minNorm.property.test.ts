import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  combination,
  dot,
  exactMinNorm,
  gradientSets,
  gramOfVectors,
  orthogonal,
  type Vectors,
} from '../../testing/gradientSets';
import { minNormPoint } from './minNorm';

const runs = Number(process.env.PROPERTY_RUNS ?? 300);

/**
 * How far rounding alone can move the certificate of a solver that sees only the Gram matrix:
 * (Mα)ᵢ = gᵢ·d sums terms as large as ‖gᵢ‖·αⱼ‖gⱼ‖ that cancel where d is small, so it carries an
 * error of about ε·‖gᵢ‖·Σ αⱼ‖gⱼ‖, and f(α) − f* ≤ 2·gap inherits it.
 */
function roundingOf(vectors: Vectors, weights: number[]): number {
  const norms = vectors.map((g) => Math.sqrt(dot(g, g)));
  const spread = weights.reduce((s, w, i) => s + w * norms[i]!, 0);
  return 4e-15 * vectors.length * Math.max(...norms) * spread;
}

/**
 * The solver's point checked on the vectors, not on the Gram matrix it saw: its weights are a
 * distribution, and the Frank–Wolfe gap ‖d‖² − minᵢ gᵢ·d (which bounds (‖d‖² − f*)/2) is within
 * 1e-7 of ‖d‖², or at the level of rounding. Returns ‖d‖².
 */
function expectCertified(vectors: Vectors, weights: number[]): number {
  expect(weights.every((w) => w >= 0)).toBe(true);
  expect(Math.abs(weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
  const d = combination(vectors, weights);
  const value = dot(d, d);
  const gap = value - Math.min(...vectors.map((g) => dot(g, d)));
  expect(gap).toBeLessThanOrEqual(1e-7 * value + roundingOf(vectors, weights));
  return value;
}

describe('min-norm point (Wolfe)', () => {
  it('weighs orthogonal gradients of norms 1e-2 … 1e2 by 1/‖gᵢ‖², exactly', () => {
    const norms = [1e-2, 0.1, 1, 10, 100];
    const { weights, value } = minNormPoint(gramOfVectors(orthogonal(norms)));
    const inverse = norms.map((n) => 1 / n ** 2);
    const total = inverse.reduce((s, x) => s + x, 0);
    weights.forEach((w, i) => expect(w / (inverse[i]! / total)).toBeCloseTo(1, 12));
    expect(value / (1 / total)).toBeCloseTo(1, 12);
  });

  it('finds the origin between exactly opposite gradients g and −3g: α = (3/4, 1/4)', () => {
    const { weights, value } = minNormPoint(
      gramOfVectors([
        [1, 2],
        [-3, -6],
      ]),
    );
    expect(weights[0]).toBeCloseTo(0.75, 14);
    expect(value).toBeLessThan(1e-28);
  });

  it('stops on its certificate within a few corral changes per task', () => {
    const { gap, iterations } = minNormPoint(gramOfVectors(orthogonal([1e-3, 1, 1e3])));
    expect(gap).toBeLessThan(1e-18);
    expect(iterations).toBeLessThanOrEqual(3);
  });

  it('reaches the exact optimum (enumerated on the vectors) for up to 8 tasks', () => {
    fc.assert(
      fc.property(
        gradientSets.filter((v) => v.length <= 8),
        (vectors) => {
          const { weights } = minNormPoint(gramOfVectors(vectors));
          const value = expectCertified(vectors, weights);
          const exact = exactMinNorm(vectors);
          expect(value).toBeLessThanOrEqual(exact * (1 + 1e-6) + roundingOf(vectors, weights));
        },
      ),
      { numRuns: runs },
    );
  });

  it('is certified optimal for 2 to 16 tasks, mixed scales, low rank, opposite and parallel pairs', () => {
    fc.assert(
      fc.property(gradientSets, (vectors) => {
        expectCertified(vectors, minNormPoint(gramOfVectors(vectors)).weights);
      }),
      { numRuns: runs * 3 },
    );
  });
});
