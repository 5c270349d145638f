// The engine's kernel overrides, as the app's worker registers them.
import '../../src/testing/kernelSetup';
import { createAppStore } from '../../app/store/appStore';
import { WorkerHandler } from '../../src/worker/handler';
import type { FromWorker } from '../../src/worker/protocol';
import { until as waitUntil } from '../../src/testing/workerHarness';
import { fetchTestAsset } from '../../src/testing/fixtures';

/**
 * The app's store wired to an in-process worker handler on the cpu backend, as the page wires its
 * worker: for benchmarks that drive the app's own actions in Node.
 */
export async function appInNode() {
  let count = 0;
  // The store sends to the handler and the handler posts to the store: the handler is made
  // first and reaches the store through this box.
  const box: { store?: ReturnType<typeof createAppStore> } = {};
  const handler = new WorkerHandler((m: FromWorker) => box.store!.getState().receive(m), {
    fetchAsset: fetchTestAsset, // the MNIST digits, from public/ as the page's origin serves them
  });
  const store = createAppStore({
    send: (m) => void handler.handle(m),
    confirmDiscard: () => true,
    newRunId: () => `run-${++count}`,
  });
  box.store = store;
  await handler.handle({ type: 'selectBackend', choice: 'cpu' });
  return { store, handler };
}

/** Waits until `check` holds, however long a benchmark takes. */
export const until = (check: () => boolean): Promise<void> => waitUntil(check, Infinity);
