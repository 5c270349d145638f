import { stat } from './statistics';

/** One run's validation curve of one quantity: values at increasing steps. */
export interface RunCurve {
  steps: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** A method's curve over seeds: mean with a band, at each step of a common grid. */
export interface BandPoint {
  step: number;
  mean: number;
  low: number;
  high: number;
}

/** The value of a curve at `step` by linear interpolation; null outside its steps. */
export function valueAt(curve: RunCurve, step: number): number | null {
  const { steps, values } = curve;
  const n = steps.length;
  if (n === 0 || step < steps[0]! || step > steps[n - 1]!) return null;
  let hi = 0;
  while (steps[hi]! < step) hi++;
  if (steps[hi] === step || hi === 0) return values[hi]!;
  const lo = hi - 1;
  const t = (step - steps[lo]!) / (steps[hi]! - steps[lo]!);
  return values[lo]! + t * (values[hi]! - values[lo]!);
}

/** `count` steps evenly spread over [first, last], whole numbers, no repeats. */
export function stepGrid(first: number, last: number, count: number): number[] {
  if (last <= first) return [first];
  const steps = Array.from({ length: count }, (_, i) =>
    Math.round(first + ((last - first) * i) / (count - 1)),
  );
  return [...new Set(steps)];
}

/**
 * The mean curve of several runs (validation runs at different steps in each: the worker
 * validates by time), sampled on a common grid; the band is ± one standard deviation, or the
 * range (min–max) when asked. Only steps every run reaches are kept: a mean over some of the runs
 * would jump where the others join.
 */
export function meanBand(
  curves: readonly RunCurve[],
  grid: readonly number[],
  band: 'std' | 'range' = 'std',
): BandPoint[] {
  return grid.flatMap((step) => {
    const at = curves.map((c) => valueAt(c, step));
    if (at.some((v) => v === null)) return [];
    const s = stat(at as number[]);
    if (!s) return [];
    const finite = (at as number[]).filter(Number.isFinite);
    return [
      band === 'std'
        ? { step, mean: s.mean, low: s.mean - s.std, high: s.mean + s.std }
        : { step, mean: s.mean, low: Math.min(...finite), high: Math.max(...finite) },
    ];
  });
}
