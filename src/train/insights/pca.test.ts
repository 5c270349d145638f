import { describe, expect, it } from 'vitest';
import { createRng } from '../../data/random';
import { principalComponents, symmetricEigen } from './pca';

/** The covariance of rows, formed outright (what the iteration never builds). */
function covariance(rows: Float32Array, n: number, d: number): Float64Array {
  const mean = Array.from({ length: d }, (_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += rows[i * d + j]!;
    return s / n;
  });
  const c = new Float64Array(d * d);
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      let s = 0;
      for (let i = 0; i < n; i++)
        s += (rows[i * d + a]! - mean[a]!) * (rows[i * d + b]! - mean[b]!);
      c[a * d + b] = s / (n - 1);
    }
  return c;
}

/** Rows x = Σ sₖ zₖ eₖ along the given orthonormal-ish directions, plus a little isotropic noise. */
function rowsWithSpread(n: number, d: number, spreads: number[], seed: number): Float32Array {
  const rng = createRng(seed);
  const rows = new Float32Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) rows[i * d + j] = (spreads[j] ?? 0.01) * rng.normal() + 3;
  return rows;
}

describe('principal components', () => {
  it('finds the axes of a hand-made case: points on the line y = x, spread ±1', () => {
    // (−1,−1), (0,0), (1,1): variance along (1,1)/√2 is (2+0+2)/2 = 2, across it 0.
    const rows = Float32Array.from([-1, -1, 0, 0, 1, 1]);
    const p = principalComponents(rows, 3, 2, 2);
    expect(p.variances[0]).toBeCloseTo(2, 10);
    expect(p.variances[1]).toBeCloseTo(0, 10);
    expect(Math.abs(p.components[0]!)).toBeCloseTo(Math.SQRT1_2, 10);
    expect(Math.abs(p.components[2]!)).toBeCloseTo(Math.SQRT1_2, 10);
    const first = Array.from({ length: 3 }, (_, i) => Math.abs(p.points[i * 2]!));
    expect(first[0]).toBeCloseTo(Math.SQRT2, 6);
    expect(first[1]).toBeCloseTo(0, 6);
    expect(p.totalVariance).toBeCloseTo(2, 10);
  });

  it('agrees with the exact eigen-decomposition of the formed covariance (d = 40)', () => {
    const n = 300;
    const d = 40;
    const spreads = Array.from({ length: d }, (_, j) => 4 / (1 + j));
    const rows = rowsWithSpread(n, d, spreads, 7);
    const exact = symmetricEigen(covariance(rows, n, d), d);
    const p = principalComponents(rows, n, d, 2);
    expect(p.variances[0]).toBeCloseTo(exact.values[0]!, 6);
    expect(p.variances[1]).toBeCloseTo(exact.values[1]!, 6);
    expect(p.totalVariance).toBeCloseTo(
      exact.values.reduce((s, v) => s + v, 0),
      6,
    );
    for (let c = 0; c < 2; c++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += p.components[j * 2 + c]! * exact.vectors[j * d + c]!;
      expect(Math.abs(dot)).toBeCloseTo(1, 6);
    }
  });

  it('does not stop early when the two leading variances nearly tie (ill-conditioned)', () => {
    const n = 400;
    const d = 60;
    // Three leading spreads within 0.1 % of each other: power iteration would crawl.
    const spreads = [2, 1.999, 1.998, ...Array.from({ length: d - 3 }, () => 0.3)];
    const rows = rowsWithSpread(n, d, spreads, 11);
    const cov = covariance(rows, n, d);
    const exact = symmetricEigen(cov, d);
    const p = principalComponents(rows, n, d, 2);
    // The captured variance is the exact top two, and each vector is an eigenvector: ‖Cu − λu‖ ≈ 0.
    expect(p.variances[0]! + p.variances[1]!).toBeCloseTo(exact.values[0]! + exact.values[1]!, 6);
    for (let c = 0; c < 2; c++) {
      let residual = 0;
      for (let a = 0; a < d; a++) {
        let cu = 0;
        for (let b = 0; b < d; b++) cu += cov[a * d + b]! * p.components[b * 2 + c]!;
        residual += (cu - p.variances[c]! * p.components[a * 2 + c]!) ** 2;
      }
      expect(Math.sqrt(residual)).toBeLessThan(1e-5 * exact.values[0]!);
    }
  });

  it('Jacobi reproduces a symmetric 3 × 3 case worked by hand', () => {
    // [[2,1,0],[1,2,0],[0,0,5]]: eigenvalues 5, 3, 1.
    const { values } = symmetricEigen(Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 5]), 3);
    expect(values.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([5, 3, 1]);
  });
});
