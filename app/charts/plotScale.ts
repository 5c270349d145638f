import type { Point } from './decimate';

/** A map from data to pixels along one axis, and back. */
export interface Scale {
  (value: number): number;
  invert(pixel: number): number;
  ticks: number[];
}

/**
 * About `count` round ticks (1, 2 or 5 × 10ᵏ apart) covering [min, max]; whole numbers only
 * when `whole` (an axis of steps has no step 1.5).
 */
export function niceTicks(min: number, max: number, count: number, whole = false): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  // The round step nearest the raw one (on a log scale), as d3 picks it.
  const ratio = raw / power;
  const round = power * (ratio >= 7.07 ? 10 : ratio >= 3.16 ? 5 : ratio >= 1.41 ? 2 : 1);
  const step = whole ? Math.max(1, round) : round;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step)
    ticks.push(Number(t.toPrecision(12))); // no 0.30000000000000004
  return ticks;
}

/**
 * Ticks of a log axis: the powers of ten inside [min, max], with 2× and 5× when fewer than three;
 * in a band narrower than that (losses at 2.2–2.3), round linear ticks, so an axis always has at
 * least two labels.
 */
export function logTicks(min: number, max: number): number[] {
  const from = Math.floor(Math.log10(min));
  const to = Math.ceil(Math.log10(max));
  const decades: number[] = [];
  for (let k = from; k <= to; k++) decades.push(10 ** k);
  const inside = (ticks: number[]) => ticks.filter((t) => t >= min * 0.999 && t <= max * 1.001);
  const powers = inside(decades);
  if (powers.length >= 3) return powers;
  const steps = inside(decades.flatMap((d) => [d, 2 * d, 5 * d]));
  if (steps.length >= 2) return steps;
  return niceTicks(min, max, 4).filter((t) => t > 0);
}

/** The data range of the lines: steps, and finite values (positive ones on a log axis). */
export function extent(
  lines: readonly { points: readonly Point[] }[],
  log: boolean,
): { x: [number, number]; y: [number, number] } | null {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const { points } of lines)
    for (const { step, value } of points) {
      if (!Number.isFinite(value) || (log && value <= 0)) continue;
      if (step < x0) x0 = step;
      if (step > x1) x1 = step;
      if (value < y0) y0 = value;
      if (value > y1) y1 = value;
    }
  if (x0 > x1) return null;
  return { x: [x0, x1], y: [y0, y1] };
}

/**
 * A scale from [d0, d1] to pixels [p0, p1], linear or logarithmic. A flat domain is widened so
 * that one value still draws as a line through the middle.
 */
export function scale(
  [d0, d1]: [number, number],
  [p0, p1]: [number, number],
  kind: 'linear' | 'log',
  tickCount: number,
  whole = false,
): Scale {
  let lo = d0;
  let hi = d1;
  if (!(hi > lo)) {
    // A flat line: half to twice the value on a log axis, ±10 % (or ±1 around 0) on a linear one.
    const pad = Math.abs(lo) * 0.1 || 1;
    [lo, hi] = kind === 'log' ? [lo / 2, hi * 2] : [lo - pad, hi + pad];
  }
  const f = kind === 'log' ? Math.log10 : (v: number) => v;
  const fInv = kind === 'log' ? (v: number) => 10 ** v : (v: number) => v;
  const a = f(lo);
  const b = f(hi);
  const map = ((v: number) => p0 + ((f(v) - a) / (b - a)) * (p1 - p0)) as Scale;
  map.invert = (p) => fInv(a + ((p - p0) / (p1 - p0)) * (b - a));
  map.ticks = kind === 'log' ? logTicks(lo, hi) : niceTicks(lo, hi, tickCount, whole);
  return map;
}

/** Round ends for a value axis: the data range widened a little, to round numbers on a linear axis. */
export function valueDomain([lo, hi]: [number, number], log: boolean): [number, number] {
  if (log) return [lo / 1.1, hi * 1.1];
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.1 || 1;
  const ticks = niceTicks(lo - pad, hi + pad, 5);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : pad;
  return [Math.floor((lo - pad) / step) * step, Math.ceil((hi + pad) / step) * step];
}

/** One SVG path for a line: a move, then a segment per point; non-finite points break the line. */
export function linePath(points: readonly Point[], x: Scale, y: Scale, log: boolean): string {
  let d = '';
  let pen = false;
  for (const { step, value } of points) {
    if (!Number.isFinite(value) || (log && value <= 0)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(step).toFixed(1)},${y(value).toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The point of a line (sorted by step) nearest to `step`, or null for an empty line. */
export function nearest(points: readonly Point[], step: number): Point | null {
  if (points.length === 0) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.step < step) lo = mid;
    else hi = mid;
  }
  return Math.abs(points[lo]!.step - step) <= Math.abs(points[hi]!.step - step)
    ? points[lo]!
    : points[hi]!;
}
