/**
 * The benchmark page's script (scripts/bench/index.html, served by Vite's dev server only): starts
 * the bench worker, counts the app's streamed messages the way the UI receives them, and exposes
 * `runBenchJob` to the Playwright driver.
 */
import type { BenchAnswer, BenchJob } from './benchJobs';

const worker = new Worker(new URL('./benchWorker.ts', import.meta.url), { type: 'module' });
const waiting = new Map<number, (answer: BenchAnswer) => void>();
let nextId = 0;
let streamed = 0;

worker.onmessage = (event: MessageEvent<BenchAnswer | { stream: true }>) => {
  if ('stream' in event.data) {
    streamed++;
    return;
  }
  waiting.get(event.data.id)?.(event.data);
  waiting.delete(event.data.id);
};
worker.onerror = (event) => {
  for (const resolve of waiting.values())
    resolve({ id: -1, ok: false, message: `bench worker crashed: ${event.message}` });
  waiting.clear();
};

const scope = globalThis as unknown as {
  runBenchJob: (job: BenchJob) => Promise<BenchAnswer & { streamed: number }>;
  benchReady: boolean;
};
scope.runBenchJob = (job) => {
  const id = nextId++;
  const before = streamed;
  const answered = new Promise<BenchAnswer & { streamed: number }>((resolve) =>
    waiting.set(id, (answer) => resolve({ ...answer, streamed: streamed - before })),
  );
  worker.postMessage({ id, job });
  return answered;
};
scope.benchReady = true;
