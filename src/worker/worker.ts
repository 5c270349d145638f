/// <reference lib="webworker" />
/** The dedicated training worker: registers backends and hands every message to the handler. */
import './registerBackends';
import { fetchFromOrigin } from './assets';
import { WorkerHandler } from './handler';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void =>
  self.postMessage(message, transfer);
const handler = new WorkerHandler(post, { fetchAsset: fetchFromOrigin(import.meta.env.BASE_URL) });

self.onmessage = (event: MessageEvent<ToWorker>) => void handler.handle(event.data);
// Anything that escapes the handler still reaches the UI instead of dying silently.
self.addEventListener('unhandledrejection', (event) => {
  post({
    type: 'error',
    message: `Worker error: ${String(event.reason?.message ?? event.reason)}`,
  });
});
