/** A quantity over several runs: mean, sample standard deviation (n − 1) and count. */
export interface Stat {
  mean: number;
  std: number;
  n: number;
}

/** Mean and sample standard deviation of the finite values; null when there are none. */
export function stat(values: readonly number[]): Stat | null {
  const xs = values.filter(Number.isFinite);
  if (xs.length === 0) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const squares = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
  return { mean, std: xs.length > 1 ? Math.sqrt(squares / (xs.length - 1)) : 0, n: xs.length };
}

/**
 * Ranks of values where `sign` says which way is better (+1: higher), 1 for the best, ties sharing
 * the mean of the ranks they span; missing values (null) get no rank.
 */
export function ranks(values: readonly (number | null)[], sign: 1 | -1): (number | null)[] {
  const present = values
    .map((v, i) => ({ v, i }))
    .filter((x): x is { v: number; i: number } => x.v !== null && Number.isFinite(x.v))
    .sort((a, b) => sign * (b.v - a.v));
  const out: (number | null)[] = values.map(() => null);
  for (let start = 0; start < present.length;) {
    let end = start;
    while (end + 1 < present.length && present[end + 1]!.v === present[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) out[present[k]!.i] = rank;
    start = end + 1;
  }
  return out;
}

/**
 * Indices of the points no other point beats on every axis (each axis oriented by its sign:
 * +1 higher is better). Duplicates of a front point are on the front too.
 */
export function paretoFront(points: readonly number[][], signs: readonly (1 | -1)[]): number[] {
  const better = (a: number[], b: number[]) =>
    signs.every((s, k) => s * a[k]! >= s * b[k]!) && signs.some((s, k) => s * a[k]! > s * b[k]!);
  return points.flatMap((p, i) => (points.some((q) => better(q, p)) ? [] : [i]));
}
