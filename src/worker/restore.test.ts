import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExportedModel } from '../io/exportModel';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import { useCpuBackend } from '../testing/tfCpu';
import type { RunDesign } from './protocol';
import { until, workerHarness as harness } from '../testing/workerHarness';

beforeAll(useCpuBackend);

const design: RunDesign = {
  spec: DEFAULT_MODEL,
  config: { ...DEFAULT_TRAIN, maxSteps: 30, evalEvery: 10 },
  data: DEFAULT_DATA,
};

async function predictions(exported: { modelJson: string; weightData: ArrayBuffer }) {
  const model = await loadExportedModel(exported);
  const out = model.predict(tf.tensor2d([0.1, -0.4, 0.7, 0.2], [2, 2])) as tf.Tensor[];
  const values = await Promise.all(out.map((t) => t.data()));
  tf.dispose(out);
  model.dispose();
  return values.map((v) => Array.from(v));
}

describe('checkpoints', () => {
  it('keep the weights: a restored run predicts the same and carries on from its step', async () => {
    const a = harness();
    await a.handler.handle({ type: 'train', runId: 'r', design });
    await a.handler.idle();
    await a.handler.handle({ type: 'checkpoint', runId: 'r' });
    const saved = a.of('checkpoint')[0]!;
    expect(saved.step).toBe(30);
    expect(a.of('exported')).toEqual([]); // no download

    const b = harness(); // a fresh worker, as after a reload
    const copy = { modelJson: saved.modelJson, weightData: saved.weightData.slice(0) };
    await b.handler.handle({
      type: 'restore',
      runId: 'r',
      design: { ...design, config: { ...design.config, maxSteps: 40 } },
      step: 30,
      checkpoint: copy,
    });
    expect(b.of('error')).toEqual([]);
    expect(b.of('status').at(-1)).toMatchObject({ state: 'paused', step: 30 });
    await b.handler.handle({ type: 'export', runId: 'r' });
    expect(await predictions(b.of('exported')[0]!)).toEqual(await predictions(saved));

    await b.handler.handle({
      type: 'train',
      runId: 'r',
      design: { ...design, config: { ...design.config, maxSteps: 40 } },
    });
    await b.handler.idle();
    expect(b.of('metrics').flatMap((m) => m.steps.map((s) => s.step))).toEqual(
      Array.from({ length: 10 }, (_, i) => 31 + i),
    );
  });

  it('refuses weights saved for another design', async () => {
    const a = harness();
    await a.handler.handle({ type: 'step', runId: 'r', design });
    await a.handler.handle({ type: 'checkpoint', runId: 'r' });
    const saved = a.of('checkpoint')[0]!;
    const other = { ...design, spec: { ...DEFAULT_MODEL, encoder: [DEFAULT_MODEL.encoder[0]!] } };
    await a.handler.handle({
      type: 'restore',
      runId: 'r2',
      design: other,
      step: 1,
      checkpoint: saved,
    });
    expect(a.of('error').at(-1)!.message).toMatch(/belong to another design/);
  });
});

describe('single-task baselines', () => {
  it('train each task alone for the budget and report its validation metric', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'train', runId: 'r', design });
    await handler.idle();
    await handler.handle({ type: 'baselines', runId: 'r', design, steps: 30 });
    await until(() => of('baselines').length > 0 || of('error').length > 0);
    expect(of('error')).toEqual([]);
    const { results, steps } = of('baselines')[0]!;
    expect(steps).toBe(30);
    expect(results.map((r) => r.task)).toEqual(['gauss', 'plane']);
    expect(results[0]!.metric).toBeGreaterThan(0.4); // accuracy of gauss alone
    expect(results[1]!.metric).toBeGreaterThan(0); // MAE of plane alone
    expect(of('baselineProgress').at(-1)).toMatchObject({ task: 1, step: 30, steps: 30 });
    // The run itself is untouched and trains on.
    await handler.handle({
      type: 'train',
      runId: 'r',
      design: { ...design, config: { ...design.config, maxSteps: 35 } },
    });
    await handler.idle();
    expect(of('status').at(-1)).toMatchObject({ state: 'done', step: 35 });
  });
});
