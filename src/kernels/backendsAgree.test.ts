import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../design/presets';
import { makeTrainer, trainSteps } from '../testing/fixtures';
import { EXTRA_LAYERS } from '../testing/layerDesigns';
import { registerKernelOverrides } from './registry';

/**
 * With the overrides in place, wasm trains every layer type: the same design, seed and batches
 * move the weights the same way on wasm as on cpu. Plain SGD, so that an update is the learning
 * rate times the gradient (Adam would magnify rounding where a gradient is near 0), and wrong
 * kernels (tf.js's wasm strided 'same' convolution, a missing gradient kernel) show up as
 * updates that point elsewhere, or as an error.
 */
beforeAll(async () => {
  registerKernelOverrides();
  await tf.setBackend('wasm');
  await tf.ready();
});
afterAll(() => tf.setBackend('cpu'));

const designs = [...PRESETS.map((p) => [p.label, p] as const), ...EXTRA_LAYERS];

const weights = async (model: tf.LayersModel): Promise<number[]> =>
  (await Promise.all(model.getWeights().map((w) => w.data()))).flatMap((v) => Array.from(v));

/** How far two steps of SGD move every weight. */
async function update(backend: string, preset: (typeof designs)[number][1]): Promise<number[]> {
  await tf.setBackend(backend);
  const run = makeTrainer({
    spec: preset.spec,
    data: { ...preset.data, size: 64 },
    config: { ...preset.config, batchSize: 16, optimizer: 'sgd', learningRate: 0.01 },
  });
  try {
    const before = await weights(run.model);
    await trainSteps(run.trainer, 2);
    const after = await weights(run.model);
    return after.map((w, i) => w - before[i]!);
  } finally {
    run.dispose();
  }
}

describe('wasm and cpu', () => {
  it.each(designs)('move the weights alike: %s', async (_label, preset) => {
    const cpu = await update('cpu', preset);
    const wasm = await update('wasm', preset);
    // A loop, not Math.max(...xs): spreading a large model's weights overflows the stack.
    const largest = (xs: number[]) => xs.reduce((m, x) => Math.max(m, x), 0);
    const scale = largest(cpu.map(Math.abs));
    expect(scale).toBeGreaterThan(0);
    const drift = largest(cpu.map((d, i) => Math.abs(wasm[i]! - d))) / scale;
    expect(drift).toBeLessThan(1e-3);
  });
});
