import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordRuns } from './runRecorder';
import { storeWithHistory, trainOneRun } from '../testing/storeWithHistory';

afterEach(() => vi.useRealTimers());

describe('the run recorder', () => {
  it('writes a change still waiting to be saved when Reset replaces the run', async () => {
    const t = await storeWithHistory('recorder-reset');
    const stop = recordRuns(t.store, (m) => t.sent.push(m));
    vi.useFakeTimers();
    trainOneRun(t, 'done');
    // The run's final validation comes just after it stopped; Reset follows before the record
    // of that change is due.
    t.receive({
      type: 'validation',
      runId: 'run-1',
      evaluation: { step: 1, losses: [0.4, 0.2], metrics: [0.8, 0.3] },
      cosines: null,
    });
    t.store.getState().reset();
    vi.useRealTimers();
    await vi.waitFor(async () => {
      await t.store.getState().refreshRuns();
      const [saved] = t.store.getState().savedRuns;
      expect(Array.from(saved?.curves.valMetric.steps ?? [])).toEqual([1]);
    });
    stop();
  });

  it('never writes a deleted run again, and stops showing it', async () => {
    const t = await storeWithHistory('recorder-delete');
    const stop = recordRuns(t.store, (m) => t.sent.push(m));
    trainOneRun(t);
    await t.store.getState().saveCurrentRun();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // A validation after the stop leaves a write pending when the run is deleted.
    t.receive({
      type: 'validation',
      runId: 'run-1',
      evaluation: { step: 1, losses: [0.4, 0.2], metrics: [0.8, 0.3] },
      cosines: null,
    });
    const deleting = t.store.getState().deleteRun('run-1');
    vi.advanceTimersByTime(60_000);
    vi.useRealTimers();
    await deleting;
    await t.store.getState().saveRun({
      ...t.store.getState(),
      run: { ...t.store.getState().run, runId: 'run-1', tasks: ['circle', 'wave'] },
    });
    await t.store.getState().keepCheckpoint({
      type: 'checkpoint',
      runId: 'run-1',
      step: 1,
      modelJson: '{}',
      weightData: new ArrayBuffer(4),
    });
    await t.store.getState().refreshRuns();
    expect(t.store.getState().savedRuns).toEqual([]);
    expect(t.store.getState().run.runId).toBeNull();
    stop();
  });
});
