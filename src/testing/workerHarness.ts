import { WorkerHandler, type HandlerOptions } from '../worker/handler';
import type { FromWorker } from '../worker/protocol';

/** A worker handler under test, with every message it posted and a filter by type. */
export function workerHarness(options: Partial<HandlerOptions> = { targetChunkMs: 20 }) {
  const messages: FromWorker[] = [];
  const handler = new WorkerHandler((m) => messages.push(m), options);
  const of = <T extends FromWorker['type']>(type: T) =>
    messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  return { handler, messages, of };
}

/** Waits until `check` holds (for work the handler runs beside its message queue). */
export async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
