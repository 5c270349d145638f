import { describe, expect, it } from 'vitest';
import { extent, linePath, logTicks, nearest, niceTicks, scale, valueDomain } from './plotScale';

describe('plot scales', () => {
  it('picks round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 1987, 8)).toEqual([200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800]);
    expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(logTicks(0.003, 20)).toEqual([0.01, 0.1, 1, 10]);
    expect(logTicks(0.3, 2)).toEqual([0.5, 1, 2]);
    // A narrow band (MultiMNIST's losses) still gets labels.
    expect(logTicks(2.2, 2.3)).toEqual([2.2, 2.22, 2.24, 2.26, 2.28, 2.3]);
    // Steps are whole.
    expect(niceTicks(1, 3, 8, true)).toEqual([1, 2, 3]);
    expect(niceTicks(0, 1000, 5, true)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('labels at least two ticks on any positive log range, and whole steps on any step range', () => {
    for (let lo = 1e-6; lo < 1e6; lo *= 3.7)
      for (const width of [1e-4, 0.01, 0.3, 2, 40, 1e4]) {
        const hi = lo * (1 + width);
        const ticks = scale(valueDomain([lo, hi], true), [0, 100], 'log', 5).ticks;
        expect(ticks.length, `${lo}–${hi}`).toBeGreaterThanOrEqual(2);
      }
    for (const [a, b] of [
      [1, 2],
      [1, 7],
      [3, 1987],
      [100, 101],
    ] as const) {
      const ticks = scale([a, b], [0, 500], 'linear', 6, true).ticks;
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('maps and inverts linear and log scales, widening a flat domain', () => {
    const x = scale([0, 100], [10, 210], 'linear', 5);
    expect(x(50)).toBe(110);
    expect(x.invert(110)).toBe(50);
    const y = scale([0.01, 100], [200, 0], 'log', 5);
    expect(y(1)).toBeCloseTo(100);
    expect(y.invert(100)).toBeCloseTo(1);
    const flat = scale([3, 3], [0, 100], 'linear', 5);
    expect(flat(3)).toBe(50);
  });

  it('finds the data range, skipping what the axis cannot show', () => {
    const lines = [
      {
        points: [
          { step: 1, value: 0 },
          { step: 5, value: 2 },
        ],
      },
      {
        points: [
          { step: 3, value: Number.NaN },
          { step: 9, value: 0.5 },
        ],
      },
    ];
    expect(extent(lines, false)).toEqual({ x: [1, 9], y: [0, 2] });
    expect(extent(lines, true)).toEqual({ x: [5, 9], y: [0.5, 2] });
    expect(extent([{ points: [] }], false)).toBeNull();
    const [lo, hi] = valueDomain([0.12, 0.93], false);
    expect(lo).toBeLessThanOrEqual(0.12);
    expect(hi).toBeGreaterThanOrEqual(0.93);
  });

  it('draws one path per line, broken at values the axis cannot show', () => {
    const x = scale([0, 10], [0, 100], 'linear', 5);
    const y = scale([0, 1], [100, 0], 'linear', 5);
    const points = [
      { step: 0, value: 0 },
      { step: 5, value: 1 },
      { step: 6, value: Number.NaN },
      { step: 10, value: 0.5 },
    ];
    expect(linePath(points, x, y, false)).toBe('M0.0,100.0L50.0,0.0M100.0,50.0');
  });

  it('finds the nearest point by step', () => {
    const points = [1, 4, 9, 16].map((step) => ({ step, value: step }));
    expect(nearest(points, 0)).toEqual({ step: 1, value: 1 });
    expect(nearest(points, 7)).toEqual({ step: 9, value: 9 });
    expect(nearest(points, 100)).toEqual({ step: 16, value: 16 });
    expect(nearest([], 3)).toBeNull();
  });
});
