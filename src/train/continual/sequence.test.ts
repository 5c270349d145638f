import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../../spec/defaults';
import type { Remedy, SequenceSettings } from '../../spec/types';
import { makeTrainer, trainSteps } from '../../testing/fixtures';
import { useCpuBackend } from '../../testing/tfCpu';
import { until, workerHarness } from '../../testing/workerHarness';

beforeAll(useCpuBackend);

async function weightsOf(model: tf.LayersModel, name: string): Promise<Float32Array[]> {
  return Promise.all(
    model
      .getLayer(name)
      .getWeights()
      .map((w) => w.data() as Promise<Float32Array>),
  );
}

const sequence = (remedy: Remedy, stageSteps = 10): SequenceSettings => ({
  order: ['wave', 'circle'],
  stageSteps,
  remedy,
  replayPerTask: 40,
  ewcStrength: 100,
});
const sequenceConfig = (remedy: Remedy) => ({
  sequence: sequence(remedy),
  maxSteps: 20,
  optimizer: 'adam' as const,
});

describe('task sequences in the Trainer', () => {
  it('trains only the stage’s task: the other head stands still, then the roles swap', async () => {
    const run = makeTrainer({ config: sequenceConfig('finetune') });
    const circle = await weightsOf(run.model, 'circle');
    const wave = await weightsOf(run.model, 'wave');
    const first = await trainSteps(run.trainer, 10);
    expect(await weightsOf(run.model, 'circle')).toEqual(circle);
    expect(await weightsOf(run.model, 'wave')).not.toEqual(wave);
    expect(first.every((s) => s.weights.join() === '0,1')).toBe(true); // circle, wave
    expect(first.every((s) => s.losses.every(Number.isFinite))).toBe(true); // both still measured
    const waveAfter = await weightsOf(run.model, 'wave');
    const second = await trainSteps(run.trainer, 10);
    expect(await weightsOf(run.model, 'wave')).toEqual(waveAfter);
    expect(await weightsOf(run.model, 'circle')).not.toEqual(circle);
    expect(second.every((s) => s.weights.join() === '1,0')).toBe(true);
    run.dispose();
  });

  it('replay trains the earlier task’s head again in later stages', async () => {
    const run = makeTrainer({ config: sequenceConfig('replay') });
    await trainSteps(run.trainer, 10);
    const wave = await weightsOf(run.model, 'wave');
    const second = await trainSteps(run.trainer, 10);
    expect(await weightsOf(run.model, 'wave')).not.toEqual(wave);
    expect(second.every((s) => s.weights.join() === '1,1')).toBe(true);
    run.dispose();
  });

  it('EWC holds the shared weights nearer where the first stage left them, and leaks nothing', async () => {
    const drift = async (remedy: Remedy, ewcStrength = 100) => {
      const run = makeTrainer({
        config: { ...sequenceConfig(remedy), sequence: { ...sequence(remedy), ewcStrength } },
      });
      await trainSteps(run.trainer, 10);
      const anchor = await weightsOf(run.model, 'shared_1_dense');
      await trainSteps(run.trainer, 2); // the anchor and the Fisher are made here
      const tensors = tf.memory().numTensors;
      await trainSteps(run.trainer, 8);
      expect(tf.memory().numTensors).toBe(tensors);
      const now = await weightsOf(run.model, 'shared_1_dense');
      run.dispose();
      return Math.hypot(...now[0]!.map((w, i) => w - anchor[0]![i]!));
    };
    const plain = await drift('finetune');
    const held = await drift('ewc', 1e4);
    expect(plain).toBeGreaterThan(0);
    expect(held).toBeLessThan(plain * 0.8);
  });
});

describe('task sequences in the worker', () => {
  it('validates exactly where each stage ends, whatever the validation budget', async () => {
    const { handler, of } = workerHarness({ targetChunkMs: 5, validationShare: 1e-9 });
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    const spec = DEFAULT_MODEL;
    const order = spec.tasks.map((t) => t.name).reverse();
    await handler.handle({
      type: 'train',
      runId: 's',
      design: {
        spec,
        data: DEFAULT_DATA,
        config: {
          ...DEFAULT_TRAIN,
          evalEvery: 1000,
          maxSteps: 2 * 25,
          sequence: { ...sequence('finetune', 25), order },
        },
      },
    });
    await until(() => of('status').some((s) => s.state === 'done'));
    await handler.idle();
    const steps = of('validation').map((v) => v.evaluation.step);
    expect(steps).toContain(25);
    expect(steps.at(-1)).toBe(50);
  });
});
