import type { TargetInfo } from '../../src/data/dataset';

type Rgb = [number, number, number];

/** Class colours: orange and blue first (as TensorFlow Playground), then distinct hues. */
export const CLASS_COLORS = [
  '#f97316',
  '#2563eb',
  '#16a34a',
  '#9333ea',
  '#dc2626',
  '#0891b2',
  '#ca8a04',
  '#db2777',
  '#4b5563',
  '#65a30d',
];

const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const CLASS_RGB = CLASS_COLORS.map(rgb);
const WHITE: Rgb = [255, 255, 255];

const mix = (a: Rgb, b: Rgb, t: number): Rgb =>
  [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgb;

/** The colour of class k. */
export const classRgb = (k: number): Rgb => CLASS_RGB[((k % 10) + 10) % 10]!;

/** Orange (t = 0) through white to blue (t = 1): probabilities and values on one scale. */
export function divergingRgb(t: number): Rgb {
  const u = Math.min(1, Math.max(0, t));
  return u < 0.5 ? mix(CLASS_RGB[0]!, WHITE, u * 2) : mix(WHITE, CLASS_RGB[1]!, (u - 0.5) * 2);
}

/** White (t = 0) to blue (t = 1): magnitudes (attributions, gate weights, attention). */
export const sequentialRgb = (t: number): Rgb =>
  mix(WHITE, CLASS_RGB[1]!, Math.min(1, Math.max(0, t)));

/** A lighter version of a colour, for backgrounds under points. */
export const lighten = (c: Rgb, amount = 0.55): Rgb => mix(c, WHITE, amount);

export const css = ([r, g, b]: Rgb): string => `rgb(${r | 0},${g | 0},${b | 0})`;

/** Smallest and largest finite value (a unit range when there is none). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return [0, 1];
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** The colour of one label: its class colour, or its place in `range` for a regression value. */
export function labelRgb(info: TargetInfo, value: number, range: [number, number]): Rgb {
  if (info.kind === 'classification') return classRgb(value);
  return divergingRgb((value - range[0]) / (range[1] - range[0]));
}
