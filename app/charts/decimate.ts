/** One chart point. */
export interface Point {
  step: number;
  value: number;
}

/**
 * Min/max decimation: at most about `maxPoints` points, keeping the first and last point and
 * every bucket's extremes, so spikes stay visible while the full history stays in the store.
 */
export function decimate(
  steps: ArrayLike<number>,
  values: ArrayLike<number>,
  maxPoints: number,
): Point[] {
  const n = Math.min(steps.length, values.length);
  if (n <= maxPoints)
    return Array.from({ length: n }, (_, i) => ({ step: steps[i]!, value: values[i]! }));
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const size = (n - 2) / buckets;
  const out: Point[] = [{ step: steps[0]!, value: values[0]! }];
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor(b * size);
    const to = Math.min(n - 1, 1 + Math.floor((b + 1) * size));
    if (from >= to) continue;
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (values[i]! < values[lo]!) lo = i;
      if (values[i]! > values[hi]!) hi = i;
    }
    for (const i of lo === hi ? [lo] : [Math.min(lo, hi), Math.max(lo, hi)]) {
      out.push({ step: steps[i]!, value: values[i]! });
    }
  }
  out.push({ step: steps[n - 1]!, value: values[n - 1]! });
  return out;
}
