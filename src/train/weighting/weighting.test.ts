import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../data/random';
import { useCpuBackend } from '../../testing/tfCpu';
import { cagradCoefficients, cagradObjective, cagradWeights } from './cagrad';
import { DwaState } from './dwa';
import { combineVectors, cosines, gramOf, quadratic } from './gram';
import { GradNormState } from './gradnorm';
import { minNormWeights } from './mgda';
import { pcgradCoefficients } from './pcgrad';
import { rlwDraw } from './rlw';
import { uncertaintyWeights } from './uncertainty';

beforeAll(useCpuBackend);

const randomVectors = (count: number, dim: number, seed: number): number[][] => {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => Array.from({ length: dim }, () => rng.normal()));
};

/** Every point of the simplex on a grid of `steps` per axis (2 or 3 tasks). */
function simplexGrid(n: number, steps: number): number[][] {
  const points: number[][] = [];
  for (let i = 0; i <= steps; i++) {
    if (n === 2) points.push([i / steps, 1 - i / steps]);
    else
      for (let j = 0; i + j <= steps; j++)
        points.push([i / steps, j / steps, (steps - i - j) / steps]);
  }
  return points;
}

describe('PCGrad', () => {
  it('projects conflicting gradients off each other', () => {
    const g = [
      [1, 0],
      [-1, 1],
    ];
    // g₁' = g₁ + ½g₂ = (0.5, 0.5); g₂' = g₂ + g₁ = (0, 1); d = (0.5, 1.5)
    const c = pcgradCoefficients(gramOf(g), createRng(1));
    expect(combineVectors(g, c)).toEqual([0.5, 1.5]);
  });

  it('leaves agreeing gradients alone: d = Σ gᵢ', () => {
    const g = [
      [1, 0],
      [1, 1],
      [0.5, 2],
    ];
    expect(pcgradCoefficients(gramOf(g), createRng(1))).toEqual([1, 1, 1]);
  });

  it('removes every conflict for two tasks: each projected gradient is orthogonal to the other original', () => {
    const g = randomVectors(2, 5, 3);
    const m = gramOf(g);
    if (m[0]![1]! >= 0) g[1] = g[1]!.map((x) => -x); // make them conflict
    const c = pcgradCoefficients(gramOf(g), createRng(2));
    const d = combineVectors(g, c);
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    // d·g₁ = g₁'·g₁ + g₂'·g₁ with g₂'·g₁ = 0, so d·g₁ = ‖g₁‖² − (g₁·g₂)²/‖g₂‖² ≥ 0
    expect(dot(d, g[0]!)).toBeGreaterThanOrEqual(-1e-9);
    expect(dot(d, g[1]!)).toBeGreaterThanOrEqual(-1e-9);
  });
});

describe('MGDA min-norm weights', () => {
  it.each([1, 2, 3, 4, 5])(
    'two-task closed form matches a brute-force search (seed %i)',
    (seed) => {
      const g = randomVectors(2, 6, seed);
      const m = gramOf(g);
      const [alpha] = minNormWeights(m);
      let best = { a: 0, norm: Infinity };
      for (let k = 0; k <= 100_000; k++) {
        const a = k / 100_000;
        const norm = quadratic(m, [a, 1 - a]);
        if (norm < best.norm) best = { a, norm };
      }
      expect(alpha).toBeCloseTo(best.a, 4);
    },
  );

  it.each([1, 2, 3])('three tasks: reach the brute-force minimum norm (seed %i)', (seed) => {
    const m = gramOf(randomVectors(3, 4, seed + 10));
    const alpha = minNormWeights(m);
    expect(alpha.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(Math.min(...alpha)).toBeGreaterThanOrEqual(0);
    const brute = Math.min(...simplexGrid(3, 300).map((w) => quadratic(m, w)));
    expect(quadratic(m, alpha)).toBeLessThanOrEqual(brute + 1e-6);
  });
});

describe('CAGrad', () => {
  it.each([
    [2, 1],
    [2, 2],
    [3, 3],
    [3, 4],
  ])('%i tasks: the inner minimum matches brute force over the simplex (seed %i)', (n, seed) => {
    const m = gramOf(randomVectors(n, 5, seed));
    const w = cagradWeights(m, 0.5);
    const brute = Math.min(
      ...simplexGrid(n, n === 2 ? 20_000 : 300).map((v) => cagradObjective(m, v, 0.5)),
    );
    expect(cagradObjective(m, w, 0.5)).toBeLessThanOrEqual(brute + 1e-6);
  });

  it('with c = 0 is the plain average gradient', () => {
    const m = gramOf(randomVectors(3, 4, 9));
    cagradCoefficients(m, 0).forEach((c) => expect(c).toBeCloseTo(1 / 3, 9));
  });
});

describe('loss weightings', () => {
  it('Uncertainty: objective Σ ½e^(−s)L + ½s and λ = ½e^(−s)', async () => {
    const u = uncertaintyWeights(2);
    u.variables[0]!.assign(tf.tensor1d([0, Math.log(4)]));
    const { total, weights } = u.objective(tf.tensor1d([2, 8]), [1, 1]);
    expect(Array.from(await weights.data())).toEqual([0.5, 0.125]);
    expect((await total.data())[0]).toBeCloseTo(0.5 * 2 + 0.125 * 8 + 0.5 * Math.log(4), 5);
    u.dispose();
  });

  it('DWA: 1 until two windows, then T·softmax(ratio/τ)', () => {
    const dwa = new DwaState(2, 2);
    expect(dwa.weights(2)).toEqual([1, 1]);
    dwa.observe([
      { step: 1, losses: [4, 2], weights: [] },
      { step: 2, losses: [4, 2], weights: [] },
      { step: 3, losses: [2, 2], weights: [] },
    ]);
    expect(dwa.weights(2)).toEqual([1, 1]); // only one window closed
    dwa.observe([{ step: 4, losses: [2, 2], weights: [] }]);
    // ratios 0.5 and 1: λ = 2·e^(r/2)/Σ
    const e = [Math.exp(0.25), Math.exp(0.5)];
    const [a, b] = dwa.weights(2);
    expect(a).toBeCloseTo((2 * e[0]!) / (e[0]! + e[1]!), 9);
    expect(b).toBeCloseTo((2 * e[1]!) / (e[0]! + e[1]!), 9);
  });

  it('RLW: positive weights that sum to T, different each step', () => {
    const rng = createRng(4);
    const a = rlwDraw(3, rng);
    const b = rlwDraw(3, rng);
    expect(a.reduce((s, x) => s + x, 0)).toBeCloseTo(3, 9);
    expect(a).not.toEqual(b);
  });
});

describe('GradNorm', () => {
  it('moves weight away from a task whose gradients are 100× larger, keeping Σw = T', () => {
    const state = new GradNormState(2, 1.5, 0.01);
    const gram = [
      [100 * 100, 0],
      [0, 1],
    ];
    for (let k = 0; k < 50; k++) state.update(gram, [100, 1]);
    const [big, small] = state.weights;
    expect(big).toBeLessThan(1);
    expect(small).toBeGreaterThan(1);
    expect(big! + small!).toBeCloseTo(2, 9);
  });

  it('up-weights the task that trains slower', () => {
    const state = new GradNormState(2, 1.5, 0.05);
    const gram = [
      [1, 0],
      [0, 1],
    ];
    state.update(gram, [1, 1]); // initial losses
    for (let k = 0; k < 20; k++) state.update(gram, [0.2, 0.9]); // task 2 lags behind
    expect(state.weights[1]).toBeGreaterThan(state.weights[0]!);
  });
});

describe('cosines', () => {
  it('is 1 on the diagonal and the sign of the dot product elsewhere', () => {
    const c = cosines(
      gramOf([
        [1, 0],
        [-1, 0],
        [0, 2],
      ]),
    );
    expect(c[0]![0]).toBe(1);
    expect(c[0]![1]).toBe(-1);
    expect(c[0]![2]).toBe(0);
  });
});
