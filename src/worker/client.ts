import type { FromWorker, ToWorker } from './protocol';

/** Restarts allowed within {@link RESTART_WINDOW_MS}; past that a broken worker is not respawned forever. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/**
 * The UI's only door to the training worker: typed messages in, typed messages out. A worker
 * that crashes is reported and replaced by a fresh one, so the page keeps working.
 */
export class WorkerClient {
  private worker: Worker;
  private restarts: number[] = [];

  constructor(
    private readonly onMessage: (message: FromWorker) => void,
    /** Called after a crashed worker was replaced: the new one has no backend and no run yet. */
    private readonly onRestart: (reason: string) => void = () => undefined,
  ) {
    this.worker = this.spawn();
  }

  /** Posts one message to the worker. */
  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Stops the worker and frees everything it held. */
  terminate(): void {
    this.worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      type: 'module',
      name: 'mtl-trainer',
    });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      // The worker says it cannot go on (memory, GPU): treated as the crash it is.
      if (event.data.type === 'fatal') this.crashed(event.data.reason);
      else this.onMessage(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.crashed(event.message || 'unknown error');
    };
    return worker;
  }

  private crashed(reason: string): void {
    // Messages the dead worker posted before it was stopped must not reach the new run's view.
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.onMessage({
        type: 'error',
        message: `The training worker keeps failing (${reason}). Reload the page to try again.`,
      });
      return;
    }
    this.restarts.push(now);
    this.worker = this.spawn();
    this.onRestart(reason);
  }
}
