import { describe, expect, it } from 'vitest';
import { decimate } from './decimate';

describe('decimate', () => {
  const steps = Array.from({ length: 10_000 }, (_, i) => i + 1);
  const values = steps.map((s) => Math.sin(s / 50) + (s === 4321 ? 10 : 0) - (s === 777 ? 5 : 0));

  it('returns short series unchanged', () => {
    expect(decimate([1, 2, 3], [3, 2, 1], 10)).toEqual([
      { step: 1, value: 3 },
      { step: 2, value: 2 },
      { step: 3, value: 1 },
    ]);
  });

  it('keeps first, last and the extremes within the budget, in step order', () => {
    const out = decimate(steps, values, 500);
    expect(out.length).toBeLessThanOrEqual(500);
    expect(out[0]).toEqual({ step: 1, value: values[0] });
    expect(out.at(-1)).toEqual({ step: 10_000, value: values[9_999] });
    expect(out.some((p) => p.step === 4321)).toBe(true);
    expect(out.some((p) => p.step === 777)).toBe(true);
    expect(out.every((p, i) => i === 0 || p.step > out[i - 1]!.step)).toBe(true);
  });
});
