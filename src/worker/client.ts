import type { FromWorker, ToWorker } from './protocol';

/** The UI's only door to the training worker: typed messages in, typed messages out. */
export class WorkerClient {
  private readonly worker: Worker;

  constructor(onMessage: (message: FromWorker) => void) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: 'mtl-trainer',
    });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
    this.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      onMessage({
        type: 'error',
        message: `The training worker failed: ${event.message || 'unknown error'}`,
      });
    };
  }

  /** Posts one message to the worker. */
  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Stops the worker and frees everything it held. */
  terminate(): void {
    this.worker.terminate();
  }
}
