import * as v from 'valibot';

/** An integer from `min` to `max` in a saved design. */
export const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** A finite number from `min` to `max` in a saved design. */
export const num = (min: number, max: number) =>
  v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));
