import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunStorage } from '../history/runStore';
import { webRunLocks } from '../history/runLocks';
import { recordRuns } from './runRecorder';
import { storeWithHistory, trainOneRun } from '../testing/storeWithHistory';

let dbs = 0;
const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** The Web Locks one origin shares between its tabs, as far as run locks use them. */
function originLocks(): LockManager {
  const held = new Set<string>();
  return {
    request: (async (
      name: string,
      _options: LockOptions,
      callback: (lock: Lock | null) => Promise<unknown>,
    ) => {
      if (held.has(name)) return callback(null);
      held.add(name);
      try {
        return await callback({ name, mode: 'exclusive' });
      } finally {
        held.delete(name);
      }
    }) as LockManager['request'],
    query: async () => ({ held: [...held].map((name) => ({ name, mode: 'exclusive' as const })) }),
  };
}

describe('saved runs shared by two tabs', () => {
  it('a run one tab has open cannot be opened or deleted in the other until that tab lets it go', async () => {
    const name = `tabs-${++dbs}`;
    const origin = originLocks();
    const announced: string[] = [];
    const tab = async (label: string) => {
      const locks = webRunLocks(origin);
      const t = await storeWithHistory(name, {
        locks,
        announceRunsChanged: () => announced.push(label),
      });
      stops.push(recordRuns(t.store, (m) => t.sent.push(m), locks));
      return t;
    };
    const a = await tab('a');
    const b = await tab('b');
    trainOneRun(a);
    await a.store.getState().saveCurrentRun();
    // b refreshes its list on this (the recorder saved the stop too: a may announce twice)
    expect(new Set(announced)).toEqual(new Set(['a']));

    await b.store.getState().refreshRuns();
    expect(b.store.getState().savedRuns.map((r) => r.id)).toEqual(['run-1']);
    await b.store.getState().openRun('run-1');
    expect(b.store.getState().dataError).toMatch(/is open in another tab .* to open it here/);
    expect(b.store.getState().run.runId).toBeNull();
    await b.store.getState().deleteRun('run-1');
    expect(b.store.getState().dataError).toMatch(/is open in another tab .* to delete it here/);
    await b.store.getState().refreshRuns();
    expect(b.store.getState().savedRuns).toHaveLength(1);

    a.store.getState().reset(); // a lets the run go
    await new Promise((r) => setTimeout(r, 0));
    await a.store.getState().keepCheckpoint({
      type: 'checkpoint',
      runId: 'run-1',
      step: 1,
      modelJson: '{}',
      weightData: new ArrayBuffer(4),
    });
    await b.store.getState().openRun('run-1');
    expect(b.store.getState().run).toMatchObject({ runId: 'run-1', state: 'paused' });
    // Now a is the one refused.
    await a.store.getState().refreshRuns();
    await a.store.getState().openRun('run-1');
    expect(a.store.getState().dataError).toMatch(/is open in another tab/);
  });
});

describe('a full storage quota', () => {
  it('is reported in Saved runs while training goes on, and clears once saving works again', async () => {
    const name = `quota-${++dbs}`;
    let full = true;
    const quota = () => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const { IndexedDbRunStorage } = await import('../history/runStore');
    const real = await IndexedDbRunStorage.open(name);
    const history: RunStorage = {
      list: () => real.list(),
      get: (id) => real.get(id),
      put: async (run) => (quota(), real.put(run)),
      putCheckpoint: async (c) => (quota(), real.putCheckpoint(c)),
      checkpoint: (id) => real.checkpoint(id),
      rename: (id, n) => real.rename(id, n),
      delete: (id) => real.delete(id),
    };
    const t = await storeWithHistory(name, { history });
    trainOneRun(t);
    await t.store.getState().saveCurrentRun();
    expect(t.store.getState().historyError).toBe(
      'Browser storage is full: this run is no longer being saved (training goes on). Delete saved runs to make room; saving resumes by itself.',
    );
    expect(t.store.getState().run).toMatchObject({ runId: 'run-1', step: 1, workerError: null });
    t.receive({
      type: 'metrics',
      runId: 'run-1',
      steps: [{ step: 2, losses: [1, 2], weights: [1, 1] }],
      stepsPerSecond: 50,
    });
    expect(t.store.getState().run.step).toBe(2);
    full = false;
    await t.store.getState().saveCurrentRun();
    expect(t.store.getState().historyError).toBeNull();
    expect((await real.get('run-1'))?.step).toBe(2);
  });
});
