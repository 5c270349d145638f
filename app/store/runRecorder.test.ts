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
});
