import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA } from '../spec/defaults';
import { validateData } from '../design/validate';
import { CORRELATED_FEATURES, generateCorrelatedTasks } from './correlatedTasks';

const spec = { ...DEFAULT_DATA, kind: 'correlated' as const, size: 4000, noise: 0.1 };

/** Pearson correlation of two equally long columns. */
function pearson(a: Float32Array, b: Float32Array): number {
  const mean = (v: Float32Array) => v.reduce((s, x) => s + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

const labelCorrelation = (correlation: number) => {
  const d = generateCorrelatedTasks({ ...spec, correlation });
  return pearson(d.train.targets.y1!, d.train.targets.y2!);
};

describe('the MMoE paper’s correlated regressions', () => {
  it('is a table of 100 standard normal columns with two scalar targets', () => {
    const d = generateCorrelatedTasks(spec);
    expect(d.train.size + d.val.size).toBe(4000);
    expect(d.train.x.length).toBe(d.train.size * CORRELATED_FEATURES);
    const x = d.train.x;
    const m = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - m) ** 2, 0) / x.length;
    expect(Math.abs(m)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.02);
    expect(d.train.targets.y1!.length).toBe(d.train.size);
  });

  it('makes the tasks as related as ρ says: the same at 1, unrelated at 0, growing between', () => {
    const [r0, rHalf, r1] = [0, 0.5, 1].map(labelCorrelation);
    // ρ = 1: the same label up to the two noise draws.
    expect(r1).toBeGreaterThan(0.99);
    // ρ = 0: w₁ ⟂ w₂, so w₁·x and w₂·x are independent for x ~ N(0, I).
    expect(Math.abs(r0!)).toBeLessThan(0.08);
    expect(rHalf).toBeGreaterThan(r0! + 0.2);
    expect(rHalf).toBeLessThan(r1! - 0.2);
  });

  it('draws the same table from the same seed, and refuses ρ outside [−1, 1]', () => {
    const a = generateCorrelatedTasks({ ...spec, size: 50 });
    const b = generateCorrelatedTasks({ ...spec, size: 50 });
    expect(b.val.targets.y2).toEqual(a.val.targets.y2);
    expect(validateData({ ...spec, correlation: 1.5 })).toEqual([
      {
        where: 'data.correlation',
        message: 'The task correlation ρ must be from −1 to 1, got 1.5',
      },
    ]);
  });
});
