import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../design/presets';
import { buildModel, predictTasks } from '../../model/buildModel';
import type { ModelSpec } from '../../spec/types';
import { makeTrainer, trainSteps } from '../../testing/fixtures';
import { useCpuBackend } from '../../testing/tfCpu';
import { attribution } from './saliency';

beforeAll(useCpuBackend);

/** A tiny model with a regression and a 3-class task over 3 features. */
const tiny: ModelSpec = {
  input: { kind: 'features', size: 3 },
  sharing: { mode: 'hard' },
  encoder: [{ type: 'dense', units: 5, activation: 'tanh', l2: 0 }],
  tasks: [
    { name: 'r', target: 'r', head: [], outputUnits: 1, loss: 'mse', metric: 'mae' },
    {
      name: 'c',
      target: 'c',
      head: [],
      outputUnits: 3,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
  ],
};

describe('attribution of a task’s score to its inputs', () => {
  const model = buildModel(tiny, 3);
  const x = tf.tensor2d([
    [0.5, -1.2, 2],
    [-0.3, 0.8, 0.1],
  ]);
  /** The score a task's attribution explains, for one example, in float64 via finite steps. */
  const score = async (task: number, row: number[], cls?: number) => {
    const value = tf.tidy(() => {
      const out = predictTasks(model, tf.tensor2d([row]), false)[task]!;
      return cls === undefined ? out.sum() : out.slice([0, cls], [1, 1]).sum();
    });
    const [v] = await value.data();
    value.dispose();
    return v!;
  };

  it('gradient × input matches central finite differences times the input', async () => {
    const rows = await x.array();
    for (const task of [0, 1]) {
      const attributed = attribution(model, tiny.tasks[task]!, task, x, 'gradientInput');
      const g = (await attributed.array()) as number[][];
      attributed.dispose();
      for (const [i, row] of rows.entries()) {
        // The softmax task explains its predicted class's logit.
        const out = predictTasks(model, tf.tensor2d([row]), false)[task]!;
        const [logits] = (await out.array()) as number[][];
        const cls = task === 1 ? logits!.indexOf(Math.max(...logits!)) : undefined;
        for (const [j, v] of row.entries()) {
          const h = 1e-2;
          const up = [...row];
          const down = [...row];
          up[j]! += h;
          down[j]! -= h;
          const fd = ((await score(task, up, cls)) - (await score(task, down, cls))) / (2 * h);
          expect(g[i]![j]).toBeCloseTo(fd * v, 3);
        }
      }
    }
  });

  it('integrated gradients add up to f(x) − f(0) (completeness)', async () => {
    const rows = await x.array();
    const ig = (await attribution(
      model,
      tiny.tasks[0]!,
      0,
      x,
      'integrated',
      64,
    ).array()) as number[][];
    for (const [i, row] of rows.entries()) {
      const sum = ig[i]!.reduce((s, v) => s + v, 0);
      expect(sum).toBeCloseTo((await score(0, row)) - (await score(0, [0, 0, 0])), 3);
    }
  });

  it('keeps no tensor', () => {
    const before = tf.memory().numTensors;
    attribution(model, tiny.tasks[1]!, 1, x, 'integrated', 8).dispose();
    attribution(model, tiny.tasks[0]!, 0, x, 'gradientInput').dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('saliency on MultiMNIST', () => {
  it('lights the upper-left digit for the left task and the lower-right one for the right', async () => {
    const multimnist = PRESETS.find((p) => p.id === 'multimnist')!;
    // A small dense network learns the two digits in a few hundred cpu steps.
    const spec: ModelSpec = {
      ...multimnist.spec,
      encoder: [{ type: 'flatten' }, { type: 'dense', units: 64, activation: 'relu', l2: 0 }],
    };
    const run = makeTrainer({
      spec,
      data: { ...multimnist.data, size: 3000 },
      config: { ...multimnist.config, learningRate: 0.003 },
    });
    await trainSteps(run.trainer, 300);
    const images = run.data.val.x.slice([0, 0, 0, 0], [60, 28, 28, 1]);
    // Mass centre of |gradient × input| per task, averaged over the images; the two digits sit
    // either side of the anti-diagonal row + column = 27.
    const maps = spec.tasks.map((task, t) =>
      tf.tidy(() => tf.abs(attribution(run.model, task, t, images, 'gradientInput'))),
    );
    const perTask = await Promise.all(maps.map((m) => m.data()));
    tf.dispose(maps);
    const diagonals = perTask.map((values) => {
      let diagonal = 0;
      for (let i = 0; i < 60; i++) {
        let mass = 0;
        let sum = 0;
        for (let k = 0; k < 784; k++) {
          const v = values[i * 784 + k]!;
          mass += v;
          sum += v * (Math.floor(k / 28) + (k % 28));
        }
        diagonal += sum / mass / 60;
      }
      return diagonal;
    });
    images.dispose();
    run.dispose();
    expect(diagonals[0]).toBeLessThan(27); // left: upper-left
    expect(diagonals[1]).toBeGreaterThan(27); // right: lower-right
    // The right task also weighs the left digit's ink it must see past, so its centre sits nearer
    // the middle; the two still lie clearly apart.
    expect(diagonals[1]! - diagonals[0]!).toBeGreaterThan(2.5);
  }, 120_000);
});
