/** Small dense solvers for T×T systems built from Gram matrices (T ≤ a few dozen). */

/** x with Ax = b by Gaussian elimination with partial pivoting, or null if A is singular. */
export function solveLinear(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  const scale = Math.max(...a.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (!(Math.abs(m[pivot]![col]!) > 1e-13 * scale)) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[r]![k]! -= f * m[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i]![n]!;
    for (let k = i + 1; k < n; k++) s -= m[i]![k]! * x[k]!;
    x[i] = s / m[i]![i]!;
  }
  return x;
}

/**
 * Eigenvalues and orthonormal eigenvectors of a symmetric matrix by cyclic Jacobi rotations,
 * which converge quadratically and keep tiny eigenvalues accurate relative to the matrix.
 * `vectors[k]` is the eigenvector of `values[k]`.
 */
export function symmetricEigen(a: number[][]): { values: number[]; vectors: number[][] } {
  const n = a.length;
  const m = a.map((row) => [...row]);
  const v: number[][] = a.map((_, i) => a.map((__, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p]![q]! ** 2;
    if (off <= 1e-30 * Math.max(1e-300, ...m.map((row, i) => row[i]! ** 2))) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (m[p]![q] === 0) continue;
        const theta = (m[q]![q]! - m[p]![p]!) / (2 * m[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k]![p]!;
          const mkq = m[k]![q]!;
          m[k]![p] = c * mkp - s * mkq;
          m[k]![q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p]![k]!;
          const mqk = m[q]![k]!;
          m[p]![k] = c * mpk - s * mqk;
          m[q]![k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return {
    values: m.map((row, i) => row[i]!),
    vectors: m.map((_, k) => v.map((row) => row[k]!)),
  };
}

/**
 * Solves Ax = b for symmetric positive semi-definite A by Cholesky. Where a pivot vanishes
 * relative to its diagonal, column j is (to working precision) a combination Σ yₚ·(column p) of
 * the columns before it; that combination is returned instead.
 */
export function choleskySolve(
  a: number[][],
  b: number[],
): { x: number[] } | { column: number; combination: number[] } {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let pivot = a[j]![j]!;
    for (let p = 0; p < j; p++) pivot -= l[j]![p]! ** 2;
    if (!(pivot > 1e-13 * a[j]![j]!)) {
      const column = a.slice(0, j).map((row) => row[j]!);
      return { column: j, combination: triangularSolve(l, column, j) };
    }
    const root = Math.sqrt(pivot);
    l[j]![j] = root;
    for (let i = j + 1; i < n; i++) {
      let s = a[i]![j]!;
      for (let p = 0; p < j; p++) s -= l[i]![p]! * l[j]![p]!;
      l[i]![j] = s / root;
    }
  }
  return { x: triangularSolve(l, b, n) };
}

/** x with (L·Lᵀ)x = b, using the first `size` rows and columns of the lower-triangular L. */
function triangularSolve(l: number[][], b: number[], size: number): number[] {
  const y = new Array<number>(size).fill(0);
  for (let i = 0; i < size; i++) {
    let s = b[i]!;
    for (let p = 0; p < i; p++) s -= l[i]![p]! * y[p]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(size).fill(0);
  for (let i = size - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let p = i + 1; p < size; p++) s -= l[p]![i]! * x[p]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/**
 * The Euclidean projection of v onto the probability simplex (Duchi et al., 2008): with u = v
 * sorted downwards and ρ the largest j with uⱼ > (Σ_{k≤j} uₖ − 1)/j, max(v − θ, 0) for
 * θ = (Σ_{k≤ρ} uₖ − 1)/ρ. (moco.ts does the same on the device.)
 */
export function projectToSimplex(v: readonly number[]): number[] {
  const u = [...v].sort((a, b) => b - a);
  let sum = 0;
  let theta = 0;
  u.forEach((x, j) => {
    sum += x;
    if (x > (sum - 1) / (j + 1)) theta = (sum - 1) / (j + 1);
  });
  return v.map((x) => Math.max(x - theta, 0));
}
