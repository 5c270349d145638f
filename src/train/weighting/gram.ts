/** Small dense linear algebra on Gram matrices Mᵢⱼ = gᵢ·gⱼ of task gradients. */

/** M·v. */
export function matVec(m: number[][], v: number[]): number[] {
  return m.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
}

/** u·v. */
export function dot(u: number[], v: number[]): number {
  return u.reduce((s, x, i) => s + x * v[i]!, 0);
}

/** ‖Σ wᵢgᵢ‖² = wᵀMw. */
export function quadratic(m: number[][], w: number[]): number {
  return Math.max(0, dot(w, matVec(m, w)));
}

/** cos(gᵢ, gⱼ) for every pair; 0 where a gradient vanishes. */
export function cosines(m: number[][]): number[][] {
  return m.map((row, i) =>
    row.map((x, j) => {
      const denom = Math.sqrt(m[i]![i]! * m[j]![j]!);
      return denom > 0 ? x / denom : 0;
    }),
  );
}

/** The Gram matrix of explicit vectors (tests and the toy). */
export function gramOf(vectors: number[][]): number[][] {
  return vectors.map((a) => vectors.map((b) => dot(a, b)));
}

/** Σ cᵢ·gᵢ of explicit vectors. */
export function combineVectors(vectors: number[][], coefficients: number[]): number[] {
  return vectors[0]!.map((_, k) => vectors.reduce((s, g, i) => s + coefficients[i]! * g[k]!, 0));
}

/** Golden-section minimum of a convex function on [0, 1]. */
export function goldenSection(f: (t: number) => number, iterations = 60): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = 0;
  let b = 1;
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  for (let k = 0; k < iterations; k++) {
    if (f(c) < f(d)) b = d;
    else a = c;
    c = b - phi * (b - a);
    d = a + phi * (b - a);
  }
  return (a + b) / 2;
}
