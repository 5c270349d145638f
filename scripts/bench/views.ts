/**
 * What rate-limiting the costly views buys: the app's WorkerHandler trains the default example in
 * Node (cpu) with validation every 20 steps, computing gradient cosines and decision maps at
 * every validation (viewsEveryMs 0, as before) or at most twice a second (500, the default).
 * Settings alternate, rounds rotate; prints steps/s and the ratio.
 *   npx tsx scripts/bench/views.ts [steps=1500] [rounds=3]
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../../src/spec/defaults';
import { WorkerHandler } from '../../src/worker/handler';

const steps = Number(process.argv[2] ?? 1500);
const rounds = Number(process.argv[3] ?? 3);
await tf.setBackend('cpu');

async function stepsPerSecond(viewsEveryMs: number): Promise<number> {
  const handler = new WorkerHandler(() => undefined, { viewsEveryMs });
  await handler.handle({ type: 'selectBackend', choice: 'cpu' });
  const design = {
    spec: DEFAULT_MODEL,
    config: { ...DEFAULT_TRAIN, maxSteps: steps, evalEvery: 20 },
    data: DEFAULT_DATA,
  };
  const started = performance.now();
  await handler.handle({ type: 'train', runId: `views-${viewsEveryMs}`, design });
  await handler.idle();
  const seconds = (performance.now() - started) / 1000;
  await handler.handle({ type: 'reset' });
  return steps / seconds;
}

const settings = [0, 500];
const results = new Map<number, number[]>(settings.map((s) => [s, []]));
await stepsPerSecond(500); // warm-up: kernels, dataset cache
for (let round = 0; round < rounds; round++) {
  const order = round % 2 ? [...settings].reverse() : settings;
  for (const s of order) results.get(s)!.push(await stepsPerSecond(s));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const every = median(results.get(0)!);
const limited = median(results.get(500)!);
console.log(`views at every validation: ${every.toFixed(0)} steps/s`);
console.log(`views at most every 500 ms: ${limited.toFixed(0)} steps/s`);
console.log(
  `ratio: ${(limited / every).toFixed(2)}× (median of ${rounds} rounds, ${steps} steps each)`,
);
