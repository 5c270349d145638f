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
