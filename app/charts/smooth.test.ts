import { describe, expect, it } from 'vitest';
import { emaSmooth } from './smooth';

describe('emaSmooth', () => {
  it('is the debiased exponential moving average', () => {
    // w = 0.5: the raw EMA is 2 then 2; divided by 1 − 0.5 and 1 − 0.25 it is 4 then 2.667.
    expect(emaSmooth([4, 2], 0.5)).toEqual([4, (0.5 * 2 + 0.5 * 2) / 0.75]);
    expect(emaSmooth([1, 1, 1], 0.9).map((v) => Number(v.toFixed(12)))).toEqual([1, 1, 1]);
    expect(emaSmooth([3, 5], 0)).toEqual([3, 5]);
  });
});
