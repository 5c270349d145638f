import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../../testing/tfCpu';
import { ewcPenalty, fisherDiagonal, seededExamples } from './consolidation';

beforeAll(useCpuBackend);

describe('EWC and replay keepsakes', () => {
  it('the Fisher diagonal is the mean of squared per-example gradients (hand-computed)', async () => {
    // L = (w·x − y)² with w = (0.5, −1), examples (x, y) = ((1, 0), 2) and ((2, 1), 1).
    // ∂L/∂w = 2(w·x − y)·x: example 1: 2(0.5 − 2)(1, 0) = (−3, 0); example 2: 2(1 − 1 − 1)(2, 1) = (−4, −2).
    // Mean of squares: ((9 + 16)/2, (0 + 4)/2) = (12.5, 2).
    const w = tf.variable(tf.tensor1d([0.5, -1]));
    const xs = [
      [1, 0],
      [2, 1],
    ];
    const ys = [2, 1];
    const loss = (n: number) =>
      tf.square(tf.sub(tf.sum(tf.mul(w, tf.tensor1d(xs[n]!))), ys[n]!)) as tf.Scalar;
    const [fisher] = fisherDiagonal([w], loss, 2);
    expect(Array.from(await fisher!.data())).toEqual([12.5, 2]);
    const penalty = ewcPenalty(
      [{ variables: [w], star: [tf.tensor1d([0, 0])], fisher: [fisher!] }],
      4,
    );
    // (4/2)·(12.5·0.25 + 2·1) = 2·5.125 = 10.25
    expect(await penalty.data()).toEqual(new Float32Array([10.25]));
    tf.dispose([w, fisher!, penalty]);
  });

  it('keeps distinct, seeded examples, different for another stage', () => {
    const a = seededExamples(1000, 50, 7, 2000);
    expect(new Set(a).size).toBe(50);
    expect(seededExamples(1000, 50, 7, 2000)).toEqual(a);
    expect(seededExamples(1000, 50, 7, 2001)).not.toEqual(a);
    expect(seededExamples(10, 50, 7, 2000)).toHaveLength(10);
  });
});
