import { createRng } from '../../data/random';

/** The leading principal components of a set of rows, and the rows projected onto them. */
export interface Projection {
  /** n × k coordinates, row-major: row i's projection on each component. */
  points: Float32Array;
  /** d × k unit vectors, column c the c-th component (largest variance first). */
  components: Float64Array;
  /** Each component's variance, largest first. */
  variances: number[];
  /** The rows' total variance (the sum over every direction). */
  totalVariance: number;
}

/** Eigenvalues and vectors of a small symmetric matrix by cyclic Jacobi rotations (exact to rounding). */
export function symmetricEigen(
  a: Float64Array,
  m: number,
): { values: number[]; vectors: Float64Array } {
  const s = Float64Array.from(a);
  const v = new Float64Array(m * m);
  for (let i = 0; i < m; i++) v[i * m + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < m; i++) {
      diag += s[i * m + i]! ** 2;
      for (let j = i + 1; j < m; j++) off += s[i * m + j]! ** 2;
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < m; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = s[p * m + q]!;
        if (apq === 0) continue;
        const theta = (s[q * m + q]! - s[p * m + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < m; k++) {
          const akp = s[k * m + p]!;
          const akq = s[k * m + q]!;
          s[k * m + p] = c * akp - sn * akq;
          s[k * m + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = s[p * m + k]!;
          const aqk = s[q * m + k]!;
          s[p * m + k] = c * apk - sn * aqk;
          s[q * m + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p]!;
          const vkq = v[k * m + q]!;
          v[k * m + p] = c * vkp - sn * vkq;
          v[k * m + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: m }, (_, i) => i).sort(
    (i, j) => s[j * m + j]! - s[i * m + i]!,
  );
  const vectors = new Float64Array(m * m);
  order.forEach((from, to) => {
    for (let k = 0; k < m; k++) vectors[k * m + to] = v[k * m + from]!;
  });
  return { values: order.map((i) => s[i * m + i]!), vectors };
}

/** Modified Gram–Schmidt on the b columns of a d × b matrix, in place (a dependent column is redrawn). */
function orthonormalize(q: Float64Array, d: number, b: number, redraw: () => number): void {
  for (let c = 0; c < b; c++) {
    for (let attempt = 0; attempt < 3; attempt++) {
      for (let p = 0; p < c; p++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += q[j * b + p]! * q[j * b + c]!;
        for (let j = 0; j < d; j++) q[j * b + c]! -= dot * q[j * b + p]!;
      }
      let norm = 0;
      for (let j = 0; j < d; j++) norm += q[j * b + c]! ** 2;
      norm = Math.sqrt(norm);
      if (norm > 1e-10) {
        for (let j = 0; j < d; j++) q[j * b + c]! /= norm;
        break;
      }
      for (let j = 0; j < d; j++) q[j * b + c] = redraw();
    }
  }
}

/** Extra vectors iterated beyond the k wanted: convergence goes as (λ at k + EXTRA + 1) / λₖ. */
const EXTRA = 6;
const MAX_ITERATIONS = 1000;
/** Stop when every wanted Ritz pair's residual ‖Cu − θu‖ is below this share of the largest θ. */
const TOLERANCE = 1e-7;

/**
 * The rows' `k` leading principal components, by subspace iteration with Rayleigh–Ritz on the
 * covariance C = XᵀX / (n − 1) of the centred rows, never formed (each product costs n·d per
 * vector). It stops on the residuals ‖Cu − θu‖, not on how much the values still move, so
 * near-equal variances (a slow, ill-conditioned case) run on until the pairs are right; where
 * two variances are equal any basis of their plane has zero residual and is a right answer.
 * With d ≤ k + 6 the subspace is the whole space and the answer is exact at once.
 */
export function principalComponents(rows: Float32Array, n: number, d: number, k = 2): Projection {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += rows[i * d + j]! / n;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) x[i * d + j] = rows[i * d + j]! - mean[j]!;
  const scale = 1 / Math.max(n - 1, 1);
  /** C·Q for a d × b block Q. */
  const covTimes = (q: Float64Array, b: number): Float64Array => {
    const xq = new Float64Array(n * b);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++) {
        const v = x[i * d + j]!;
        if (v !== 0) for (let c = 0; c < b; c++) xq[i * b + c]! += v * q[j * b + c]!;
      }
    const out = new Float64Array(d * b);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < d; j++) {
        const v = x[i * d + j]! * scale;
        if (v !== 0) for (let c = 0; c < b; c++) out[j * b + c]! += v * xq[i * b + c]!;
      }
    return out;
  };
  let totalVariance = 0;
  for (let i = 0; i < n * d; i++) totalVariance += x[i]! ** 2 * scale;

  const kept = Math.min(k, d);
  const b = Math.min(d, kept + EXTRA);
  const rng = createRng(0x5ca1ab1e);
  let q = Float64Array.from({ length: d * b }, rng.normal);
  orthonormalize(q, d, b, rng.normal);
  let ritz: { values: number[]; vectors: Float64Array<ArrayBufferLike> } = {
    values: [],
    vectors: new Float64Array(0),
  };
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const cq = covTimes(q, b);
    // Rayleigh–Ritz: T = Qᵀ C Q, its eigenpairs give the best pairs in span(Q).
    const t = new Float64Array(b * b);
    for (let r = 0; r < b; r++)
      for (let c = 0; c < b; c++) {
        let dot = 0;
        for (let j = 0; j < d; j++) dot += q[j * b + r]! * cq[j * b + c]!;
        t[r * b + c] = dot;
      }
    for (let r = 0; r < b; r++)
      for (let c = r + 1; c < b; c++)
        t[r * b + c] = t[c * b + r] = (t[r * b + c]! + t[c * b + r]!) / 2;
    ritz = symmetricEigen(t, b);
    // Rotate to the Ritz vectors: U = Q·Y, and C·U = (C·Q)·Y.
    const rotate = (m: Float64Array) => {
      const out = new Float64Array(d * b);
      for (let j = 0; j < d; j++)
        for (let c = 0; c < b; c++) {
          let sum = 0;
          for (let r = 0; r < b; r++) sum += m[j * b + r]! * ritz.vectors[r * b + c]!;
          out[j * b + c] = sum;
        }
      return out;
    };
    const u = rotate(q);
    const cu = rotate(cq);
    const largest = Math.max(ritz.values[0]!, 1e-300);
    let converged = b === d;
    if (!converged) {
      converged = true;
      for (let c = 0; c < kept && converged; c++) {
        let residual = 0;
        for (let j = 0; j < d; j++)
          residual += (cu[j * b + c]! - ritz.values[c]! * u[j * b + c]!) ** 2;
        converged = Math.sqrt(residual) <= TOLERANCE * largest;
      }
    }
    q = u;
    if (converged || totalVariance === 0) break;
    q = cu;
    orthonormalize(q, d, b, rng.normal);
  }
  const components = new Float64Array(d * kept);
  for (let j = 0; j < d; j++)
    for (let c = 0; c < kept; c++) components[j * kept + c] = q[j * b + c]!;
  const points = new Float32Array(n * kept);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < kept; c++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += x[i * d + j]! * components[j * kept + c]!;
      points[i * kept + c] = dot;
    }
  return {
    points,
    components,
    variances: ritz.values.slice(0, kept).map((v) => Math.max(v, 0)),
    totalVariance,
  };
}
