import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { storeWithHistory } from '../testing/storeWithHistory';

let dbs = 0;

const steps = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => ({
    step: from + k,
    losses: [1 / (from + k), 2 / (from + k)],
    weights: [1, 1],
  }));

describe('run history', () => {
  it('saves a run with its curves and weights; after a reload it opens and resumes from them', async () => {
    const name = `history-${++dbs}`;
    const first = await storeWithHistory(name);
    first.store.getState().train();
    first.receive(
      { type: 'runBuilt', runId: 'run-1', tasks: ['circle', 'wave'], params: 371, backend: 'cpu' },
      { type: 'metrics', runId: 'run-1', steps: steps(1, 30), stepsPerSecond: 50 },
      {
        type: 'validation',
        runId: 'run-1',
        evaluation: { step: 20, losses: [0.4, 0.2], metrics: [0.8, 0.3] },
        cosines: null,
      },
      { type: 'status', runId: 'run-1', state: 'paused', step: 30 },
    );
    await first.store.getState().saveCurrentRun();
    // Weights were kept at step 20; the curves went on to 30 before the tab closed.
    await first.store.getState().keepCheckpoint({
      type: 'checkpoint',
      runId: 'run-1',
      step: 20,
      modelJson: '{"m":1}',
      weightData: new Float32Array([0.5]).buffer,
    });
    expect(first.store.getState().savedRuns[0]).toMatchObject({
      id: 'run-1',
      name: '#1 circle + wave · Static λ (sliders)',
      step: 30,
      checkpointStep: 20,
    });

    const second = await storeWithHistory(name); // a reload: a new store over the same database
    await second.store.getState().refreshRuns();
    expect(second.store.getState().savedRuns.map((r) => r.id)).toEqual(['run-1']);
    await second.store.getState().renameRun('run-1', 'baseline');
    await second.store.getState().openRun('run-1');
    const { run } = second.store.getState();
    expect(run).toMatchObject({
      runId: 'run-1',
      state: 'paused',
      step: 20,
      tasks: ['circle', 'wave'],
    });
    expect(run.trainLoss.steps).toHaveLength(20); // trimmed to the kept weights
    expect(run.valLoss.steps).toEqual(Float64Array.of(20));
    const restore = second.sent.find((m) => m.type === 'restore');
    expect(restore).toMatchObject({
      type: 'restore',
      runId: 'run-1',
      step: 20,
      checkpoint: { modelJson: '{"m":1}' },
    });
    // Training goes on under the same id, so the worker continues the restored run.
    second.store.getState().train();
    expect(second.sent.at(-1)).toMatchObject({ type: 'train', runId: 'run-1' });
    expect(second.store.getState().savedRuns[0]!.name).toBe('baseline');
  });

  it('opens a run without kept weights as curves only: Train starts a new run', async () => {
    const { store, sent, receive } = await storeWithHistory(`history-${++dbs}`);
    store.getState().train();
    receive(
      { type: 'runBuilt', runId: 'run-1', tasks: ['circle', 'wave'], params: 371, backend: 'cpu' },
      { type: 'metrics', runId: 'run-1', steps: steps(1, 5), stepsPerSecond: 50 },
    );
    await store.getState().saveCurrentRun();
    store.getState().reset();
    await store.getState().openRun('run-1');
    expect(store.getState().run).toMatchObject({ runId: null, state: 'idle', step: 5 });
    expect(sent.some((m) => m.type === 'restore')).toBe(false);
    await store.getState().deleteRun('run-1');
    expect(store.getState().savedRuns).toEqual([]);
  });
});
