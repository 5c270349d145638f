import { useStore } from 'zustand';
import { WorkerClient } from '../../src/worker/client';
import type { FromWorker } from '../../src/worker/protocol';
import { downloadExport } from '../io/download';
import { createAppStore, type AppState } from './appStore';

let runCounter = 0;

/** The one store of the app, talking to the one training worker. */
export const appStore = createAppStore({
  send: (message) => worker.send(message),
  confirmDiscard: (question) => window.confirm(question),
  newRunId: () => `run-${Date.now().toString(36)}-${++runCounter}`,
});

const selectBackend = (): void =>
  worker.send({ type: 'selectBackend', choice: appStore.getState().backendChoice });

const worker = new WorkerClient(
  (message: FromWorker) => {
    appStore.getState().receive(message);
    if (message.type === 'exported') downloadExport(message);
  },
  () => {
    appStore.getState().detachRun();
    selectBackend();
  },
);
selectBackend();

/** React hook over the app store. */
export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
