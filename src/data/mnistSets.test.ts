import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA } from '../spec/defaults';
import type { DataSpec } from '../spec/types';
import { testAssets } from '../testing/fixtures';
import { decodeMnist, encodeMnist } from './mnistFile';
import {
  composeMultiMnist,
  generateMnistTasks,
  generateMultiMnist,
  resizeBilinear,
} from './mnistSets';

const mnist = testAssets().mnist!;
const spec = (kind: DataSpec['kind'], size: number): DataSpec => ({
  ...DEFAULT_DATA,
  kind,
  size,
  noise: 0,
});

describe('the shipped MNIST file', () => {
  it('holds the npm package’s 10 000 digits, 0–9, pixel for pixel', () => {
    expect(mnist.count).toBe(10_000);
    expect(new Set(mnist.labels)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const require = createRequire(import.meta.url);
    const source = JSON.parse(
      readFileSync(
        join(dirname(require.resolve('mnist/package.json')), 'src/digits/3.json'),
        'utf8',
      ),
    ).data as number[];
    const firstThree = mnist.labels.indexOf(3);
    for (const k of [0, 200, 400, 783])
      expect(mnist.pixels[firstThree * 784 + k]).toBe(Math.round(source[k]! * 255));
  });

  it('refuses a damaged file', () => {
    const good = encodeMnist(Uint8Array.from([1]), new Uint8Array(784));
    expect(decodeMnist(good).count).toBe(1);
    expect(() => decodeMnist(good.subarray(0, 100))).toThrow(/damaged: 100 bytes, expected 793/);
    expect(() => decodeMnist(new Uint8Array(10))).toThrow(/bad header/);
  });
});

describe('MultiMNIST', () => {
  it('is 28×28 images with a left and a right digit label, reproducible from the seed', () => {
    const a = generateMultiMnist(spec('multimnist', 200), mnist);
    const b = generateMultiMnist(spec('multimnist', 200), mnist);
    expect(a.input).toEqual({ kind: 'image', height: 28, width: 28, channels: 1 });
    expect(a.train.size + a.val.size).toBe(200);
    expect(a.train.x.length).toBe(a.train.size * 784);
    expect(a.train.x).toEqual(b.train.x);
    expect(a.train.targets.left).toEqual(b.train.targets.left);
    const c = generateMultiMnist({ ...spec('multimnist', 200), seed: 9 }, mnist);
    expect(c.train.targets.left).not.toEqual(a.train.targets.left);
    for (const labels of [a.train.targets.left!, a.train.targets.right!])
      expect(labels.every((l) => l >= 0 && l <= 9)).toBe(true);
  });

  it('places the first digit at [0:28, 0:28] and the second at [6:34, 6:34] by pixel-wise max, then resizes', () => {
    const [a, b] = [0, 5000];
    const canvas = new Float32Array(36 * 36);
    for (let r = 0; r < 28; r++)
      for (let c = 0; c < 28; c++) canvas[r * 36 + c] = mnist.pixels[a * 784 + r * 28 + c]! / 255;
    for (let r = 0; r < 28; r++) {
      for (let c = 0; c < 28; c++) {
        const k = (r + 6) * 36 + c + 6;
        canvas[k] = Math.max(canvas[k]!, mnist.pixels[b * 784 + r * 28 + c]! / 255);
      }
    }
    expect(composeMultiMnist(mnist, a, b)).toEqual(resizeBilinear(canvas, 36, 28));
  });

  it('resizes a constant image to the same constant', () => {
    expect(
      Array.from(resizeBilinear(new Float32Array(36 * 36).fill(0.5), 36, 28)).every(
        (v) => Math.abs(v - 0.5) < 1e-6,
      ),
    ).toBe(true);
  });
});

describe('MNIST multi-task', () => {
  it('labels digit, parity and greater-than-4 consistently, with disjoint train and validation digits', () => {
    const d = generateMnistTasks(spec('mnist', 1000), mnist);
    const { digit, parity, greater4 } = d.train.targets;
    for (let i = 0; i < d.train.size; i++) {
      expect(parity![i]).toBe(digit![i]! % 2);
      expect(greater4![i]).toBe(digit![i]! > 4 ? 1 : 0);
    }
    const key = (x: Float32Array, i: number) => x.subarray(i * 784, (i + 1) * 784).join(',');
    const train = new Set(Array.from({ length: d.train.size }, (_, i) => key(d.train.x, i)));
    const leaked = Array.from({ length: d.val.size }, (_, i) => key(d.val.x, i)).filter((k) =>
      train.has(k),
    );
    expect(leaked).toEqual([]);
  });
});
