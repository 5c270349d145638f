/// <reference lib="webworker" />
/** The dedicated training worker: registers backends and hands every message to the handler. */
import './registerBackends';
import { fetchFromOrigin } from './assets';
import { WorkerHandler } from './handler';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void =>
  self.postMessage(message, transfer);

/** A fault a test build asked for, acted out before the next training step. */
let pendingFault: (() => void) | null = null;
const handler = new WorkerHandler(post, {
  fetchAsset: fetchFromOrigin(import.meta.env.BASE_URL),
  beforeStep: () => {
    const fault = pendingFault;
    pendingFault = null;
    fault?.();
  },
});

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  // A build-time constant: production builds drop this branch and the faults module with it.
  if (message.type === 'injectFault' && import.meta.env.VITE_FAULTS === 'on') {
    void import('./faults').then(({ injectFault }) =>
      injectFault(message.fault, (act) => (pendingFault = act)),
    );
    return;
  }
  void handler.handle(message);
};
// Anything that escapes the handler still reaches the UI instead of dying silently.
self.addEventListener('unhandledrejection', (event) => {
  post({
    type: 'error',
    message: `Worker error: ${String(event.reason?.message ?? event.reason)}`,
  });
});
