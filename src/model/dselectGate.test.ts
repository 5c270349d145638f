import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../testing/tfCpu';
import { CrossStitch, initialStitch } from './crossStitch';
import { DSelectGate } from './dselectGate';

beforeAll(useCpuBackend);

/** A gate over `experts` with its weights set: selector logits from `bias`, nothing from x. */
function gate(experts: number, selectors: number, bias: number[], mixBias: number[]) {
  const layer = new DSelectGate({ experts, selectors, gamma: 1, seed: 3 });
  layer.apply(tf.input({ shape: [2] }));
  const [zk, , wk] = layer.getWeights();
  layer.setWeights([tf.zerosLike(zk!), tf.tensor(bias), tf.zerosLike(wk!), tf.tensor(mixBias)]);
  return layer;
}

const rows = async (t: tf.Tensor) => (await t.array()) as number[][];

describe('DSelectGate', () => {
  it('selects exactly the expert whose binary code the saturated selector spells', async () => {
    // Two bits, most significant first: logits (+1, −1) are beyond ±γ/2 and spell 10 = expert 2.
    const layer = gate(4, 1, [1, -1], [0]);
    const out = await rows(layer.apply(tf.ones([3, 2])) as tf.Tensor);
    for (const row of out) [0, 0, 1, 0].forEach((v, e) => expect(row[e]).toBeCloseTo(v, 6));
  });

  it('mixes the picks of k selectors by their softmax weights', async () => {
    // Selector 1 spells 01 (expert 1), selector 2 spells 11 (expert 3); weights softmax(0, ln 3).
    const layer = gate(4, 2, [-1, 1, 1, 1], [0, Math.log(3)]);
    const [row] = await rows(layer.apply(tf.ones([1, 2])) as tf.Tensor);
    expect(row![1]).toBeCloseTo(0.25, 6);
    expect(row![3]).toBeCloseTo(0.75, 6);
    expect(row![0]! + row![2]!).toBeCloseTo(0, 6);
  });

  it('gives a distribution over experts, also when their count is not a power of two', async () => {
    for (const experts of [2, 3, 4, 5, 16]) {
      const layer = new DSelectGate({ experts, selectors: 2, gamma: 1, seed: 7 });
      const x = tf.randomNormal([6, 3], 0, 3, 'float32', 1);
      for (const row of await rows(layer.apply(x) as tf.Tensor)) {
        expect(row).toHaveLength(experts);
        expect(row.every((v) => v >= 0)).toBe(true);
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    }
  });

  it('has the gradient finite differences give', async () => {
    const layer = new DSelectGate({ experts: 3, selectors: 2, gamma: 4, seed: 5 });
    const x = tf.randomNormal([4, 3], 0, 1, 'float32', 2);
    const target = tf.tensor([[0.2], [0.5], [0.3]]);
    const loss = () => tf.sum(tf.matMul(layer.apply(x) as tf.Tensor2D, target)) as tf.Scalar;
    loss();
    const variables = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(loss, variables);
    const kernel = variables[0]!;
    const values = (await kernel.array()) as number[][];
    const h = 1e-2;
    const at = async (delta: number) => {
      const moved = values.map((r) => [...r]);
      moved[1]![2]! += delta;
      kernel.assign(tf.tensor(moved));
      const [v] = await loss().data();
      kernel.assign(tf.tensor(values));
      return v!;
    };
    const numeric = ((await at(h)) - (await at(-h))) / (2 * h);
    const analytic = ((await grads[kernel.name]!.array()) as number[][])[1]![2]!;
    expect(Math.abs(analytic)).toBeGreaterThan(1e-4);
    expect(analytic).toBeCloseTo(numeric, 3);
  });
});

describe('CrossStitch', () => {
  it('starts at 0.9 on its own column and mixes y_t = Σ_s α_ts x_s', async () => {
    expect(initialStitch(3)).toEqual([
      [0.9, 0.05, 0.05],
      [0.05, 0.9, 0.05],
      [0.05, 0.05, 0.9],
    ]);
    const layer = new CrossStitch({});
    const xs = [tf.tensor([[1, 2]]), tf.tensor([[10, 20]])];
    const out = await Promise.all(
      (layer.apply(xs) as tf.Tensor[]).map(async (t) => (await rows(t))[0]!),
    );
    expect(out[0]![0]).toBeCloseTo(0.9 * 1 + 0.1 * 10, 5);
    expect(out[1]![1]).toBeCloseTo(0.1 * 2 + 0.9 * 20, 5);
  });
});
