import { describe, expect, it } from 'vitest';
import { meanBand, stepGrid, valueAt } from './curves';

describe('mean curves over seeds', () => {
  it('interpolates a run between its validation steps, not beyond them', () => {
    const curve = { steps: [10, 20, 40], values: [1, 3, 2] };
    expect(valueAt(curve, 10)).toBe(1);
    expect(valueAt(curve, 15)).toBe(2);
    expect(valueAt(curve, 30)).toBe(2.5);
    expect(valueAt(curve, 40)).toBe(2);
    expect(valueAt(curve, 5)).toBeNull();
    expect(valueAt(curve, 41)).toBeNull();
  });

  it('spreads a whole-step grid', () => {
    expect(stepGrid(1, 100, 5)).toEqual([1, 26, 51, 75, 100]);
    expect(stepGrid(1, 3, 5)).toEqual([1, 2, 3]);
  });

  it('averages runs validated at different steps, with a ±std or min–max band', () => {
    const a = { steps: [0, 10], values: [0, 10] };
    const b = { steps: [0, 5, 10], values: [2, 4, 6] };
    const [p0, p5, p10] = meanBand([a, b], [0, 5, 10]);
    expect(p5).toEqual({ step: 5, mean: 4.5, low: 4.5 - Math.SQRT1_2, high: 4.5 + Math.SQRT1_2 });
    expect(p0!.mean).toBe(1);
    expect(p10!.mean).toBe(8);
    expect(meanBand([a, b], [5], 'range')).toEqual([{ step: 5, mean: 4.5, low: 4, high: 5 }]);
    // A step only some runs reach is left out: the mean would jump where the others join.
    expect(meanBand([a, { steps: [4, 10], values: [1, 1] }], [2, 8]).map((p) => p.step)).toEqual([
      8,
    ]);
  });
});
