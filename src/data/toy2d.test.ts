import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA } from '../spec/defaults';
import { BatchSampler } from './batchSampler';
import { generateToy2d, spiralArm } from './toy2d';

describe('generateToy2d', () => {
  it('is reproducible from its seed and changes with it', () => {
    const a = generateToy2d(DEFAULT_DATA);
    const b = generateToy2d(DEFAULT_DATA);
    const c = generateToy2d({ ...DEFAULT_DATA, seed: 2 });
    expect(a.train.x).toEqual(b.train.x);
    expect(a.train.x).not.toEqual(c.train.x);
  });

  it('splits train and validation and labels every point for every task', () => {
    const d = generateToy2d({ ...DEFAULT_DATA, size: 500, valFraction: 0.2, noise: 0 });
    expect(d.train.size).toBe(400);
    expect(d.val.size).toBe(100);
    expect(d.train.x.length).toBe(800);
    for (const [name, values] of Object.entries(d.train.targets)) {
      expect(values.length, name).toBe(400);
      expect(values.every(Number.isFinite)).toBe(true);
    }
    // Without noise the labels follow their definitions exactly.
    for (let i = 0; i < d.train.size; i++) {
      const [x1, x2] = [d.train.x[2 * i]!, d.train.x[2 * i + 1]!];
      expect(d.train.targets.circle![i]).toBe(x1 * x1 + x2 * x2 < 0.49 ? 1 : 0);
      expect(d.train.targets.bowl![i]).toBeCloseTo(x1 * x1 + x2 * x2, 5);
      expect(d.train.targets.gauss![i]).toBe(x1 + x2 > 0 ? 1 : 0);
      expect(d.train.targets.plane![i]).toBeCloseTo((x1 + x2) / 2, 5);
    }
  });

  it('gives both spiral arms about half the points, interleaved along a ray', () => {
    const d = generateToy2d({ ...DEFAULT_DATA, size: 2000, noise: 0 });
    const ones = d.train.targets.spiral!.reduce((a, b) => a + b, 0) / d.train.size;
    expect(ones).toBeGreaterThan(0.4);
    expect(ones).toBeLessThan(0.6);
    // Walking out along the x₁ axis crosses the arms several times.
    const along = Array.from({ length: 50 }, (_, k) => spiralArm((k + 0.5) / 50, 0));
    const switches = along.filter((v, k) => k > 0 && v !== along[k - 1]).length;
    expect(switches).toBeGreaterThanOrEqual(3);
  });

  it('keeps the points and first four tasks of designs made before the newer tasks', () => {
    // Reference values of seed 1, recorded before gauss, spiral and plane were added.
    const d = generateToy2d({ ...DEFAULT_DATA, size: 3, noise: 0.1, valFraction: 0.2 });
    const fixed = (a: Float32Array) => Array.from(a).map((v) => v.toFixed(4));
    expect(fixed(d.train.x.slice(0, 2))).toEqual(['0.2541', '-0.9945']);
    expect(fixed(d.train.targets.wave!)).toEqual(['-0.0092', '-0.0208']);
  });
});

describe('BatchSampler', () => {
  it('visits every example once per epoch', () => {
    const sampler = new BatchSampler(10, 3);
    const epoch = [...sampler.next(4), ...sampler.next(4), ...sampler.next(2)].sort(
      (a, b) => a - b,
    );
    expect(epoch).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sampler.next(50).length).toBe(10);
  });
});
