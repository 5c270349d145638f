import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { nextBackend } from '../../src/worker/backendOrder';
import type { ToWorker } from '../../src/worker/protocol';
import { storeWithHistory } from '../testing/storeWithHistory';

let dbs = 0;

async function trainedRun() {
  const { store, sent, receive } = await storeWithHistory(`recovery-${++dbs}`);
  store.getState().train();
  receive(
    { type: 'backend', backend: 'webgpu', requested: 'webgpu' },
    { type: 'runBuilt', runId: 'run-1', tasks: ['circle', 'wave'], params: 371, backend: 'webgpu' },
    {
      type: 'metrics',
      runId: 'run-1',
      steps: Array.from({ length: 40 }, (_, k) => ({
        step: k + 1,
        losses: [1, 1],
        weights: [1, 1],
      })),
      stepsPerSecond: 40,
    },
    { type: 'status', runId: 'run-1', state: 'running', step: 40 },
  );
  await store.getState().saveCurrentRun();
  await store.getState().keepCheckpoint({
    type: 'checkpoint',
    runId: 'run-1',
    step: 30,
    modelJson: '{}',
    weightData: new ArrayBuffer(8),
  });
  sent.length = 0;
  return { store, sent, receive };
}

describe('recovery', () => {
  it('after a divergence, rolls back to the stored checkpoint with half the learning rate', async () => {
    const { store, sent, receive } = await trainedRun();
    receive({
      type: 'diverged',
      runId: 'run-1',
      task: 'wave',
      step: 41,
      value: NaN,
      learningRate: 0.01,
    });
    expect(store.getState().run.workerError).toMatch(
      /Task 'wave' loss became NaN at step 41 with learning rate 0.01/,
    );
    expect(store.getState().run.divergence).toEqual({ task: 'wave', step: 41 });
    const lr = store.getState().config.learningRate;

    await store.getState().rollBack({
      learningRateFactor: 0.5,
      resume: true,
      note: (step) => `back to ${step}`,
    });

    const { run, config } = store.getState();
    expect(config.learningRate).toBe(lr / 2);
    expect(run).toMatchObject({ step: 30, divergence: null, workerError: 'back to 30' });
    expect(run.trainLoss.steps.at(-1)).toBe(30);
    expect(sent.map((m) => m.type)).toEqual(['restore', 'train']);
    expect(sent[0]).toMatchObject({ type: 'restore', runId: 'run-1', step: 30 });
    expect((sent[0] as Extract<ToWorker, { type: 'restore' }>).checkpoint).not.toBeNull();
    expect((sent[1] as Extract<ToWorker, { type: 'train' }>).design.config.learningRate).toBe(
      lr / 2,
    );
  });

  it('after a crash, selects the next backend and resumes the running run from its checkpoint', async () => {
    const { store, sent } = await trainedRun();
    await store.getState().recoverFromCrash('Array buffer allocation failed');
    expect(store.getState().backendChoice).toBe('webgl');
    expect(sent.map((m) => m.type)).toEqual(['selectBackend', 'restore', 'train']);
    expect(sent[0]).toEqual({ type: 'selectBackend', choice: 'webgl' });
    expect(store.getState().run.workerError).toBe(
      'The training worker crashed (Array buffer allocation failed). A new one runs on webgl; the run went back to its last checkpoint, step 30, and trains on.',
    );
    expect(store.getState().run.step).toBe(30);
  });
});

describe('nextBackend', () => {
  it('falls back in order, and stays on cpu, the last', () => {
    expect(nextBackend('webgpu')).toBe('webgl');
    expect(nextBackend('webgl')).toBe('wasm');
    expect(nextBackend('wasm')).toBe('cpu');
    expect(nextBackend('cpu')).toBe('cpu');
    expect(nextBackend(null)).toBe('webgpu');
  });
});
