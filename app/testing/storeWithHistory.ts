import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { IndexedDbRunStorage } from '../history/runStore';
import { createAppStore, type StoreDeps } from '../store/appStore';

/**
 * For store tests (under fake-indexeddb): a store over the IndexedDB database `name`, the
 * messages it sends to the worker, and a way to feed it worker messages. Opening the same name
 * again is a reload.
 */
export async function storeWithHistory(name: string, extra: Partial<StoreDeps> = {}) {
  const sent: ToWorker[] = [];
  const history = await IndexedDbRunStorage.open(name);
  const store = createAppStore({
    send: (m) => sent.push(m),
    confirmDiscard: () => true,
    newRunId: () => 'run-1',
    history,
    ...extra,
  });
  const receive = (...m: FromWorker[]) => store.getState().receiveAll(m);
  return { store, sent, receive };
}

/** Feeds a store the messages of a one-step run 'run-1' of tasks circle and wave that stopped. */
export function trainOneRun(
  tab: Awaited<ReturnType<typeof storeWithHistory>>,
  state: 'paused' | 'done' = 'paused',
): void {
  tab.store.getState().train();
  tab.receive(
    { type: 'runBuilt', runId: 'run-1', tasks: ['circle', 'wave'], params: 371, backend: 'cpu' },
    {
      type: 'metrics',
      runId: 'run-1',
      steps: [{ step: 1, losses: [1, 2], weights: [1, 1] }],
      stepsPerSecond: 50,
    },
    { type: 'status', runId: 'run-1', state, step: 1 },
  );
}
