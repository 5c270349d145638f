/**
 * What validation costs the app's training loop, and what its two limits buy. The app's
 * WorkerHandler trains the default example in Node (cpu), validation due every 20 steps, under
 * three settings, alternating (rounds rotate the order):
 *   - every validation with its views (gradient cosines, decision maps): neither limit;
 *   - views at most every 500 ms (`viewsEveryMs`), every due validation run;
 *   - also validation within 5 % of the time (`validationShare`): the app's defaults.
 * Prints steps/s (median of the rounds), validations per run and each ratio to the first.
 *   npx tsx scripts/bench/validationCost.ts [steps=1500] [rounds=3]
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../../src/spec/defaults';
import { WorkerHandler, type HandlerOptions } from '../../src/worker/handler';
import type { FromWorker } from '../../src/worker/protocol';
import { median } from './report';

const steps = Number(process.argv[2] ?? 1500);
const rounds = Number(process.argv[3] ?? 3);
await tf.setBackend('cpu');

const SETTINGS: { label: string; options: Partial<HandlerOptions> }[] = [
  { label: 'no limits', options: { viewsEveryMs: 0, validationShare: 1 } },
  { label: 'views ≤ 2/s', options: { viewsEveryMs: 500, validationShare: 1 } },
  {
    label: 'views ≤ 2/s, validation ≤ 5 % (app)',
    options: { viewsEveryMs: 500, validationShare: 0.05 },
  },
];

async function measure(
  options: Partial<HandlerOptions>,
): Promise<{ rate: number; validations: number }> {
  let validations = 0;
  const count = (m: FromWorker) => void (m.type === 'validation' && validations++);
  const handler = new WorkerHandler(count, options);
  await handler.handle({ type: 'selectBackend', choice: 'cpu' });
  const design = {
    spec: DEFAULT_MODEL,
    config: { ...DEFAULT_TRAIN, maxSteps: steps, evalEvery: 20 },
    data: DEFAULT_DATA,
  };
  const started = performance.now();
  await handler.handle({ type: 'train', runId: 'validation-cost', design });
  await handler.idle();
  const seconds = (performance.now() - started) / 1000;
  await handler.handle({ type: 'reset' });
  return { rate: steps / seconds, validations };
}

const rates = SETTINGS.map(() => [] as number[]);
const validations = SETTINGS.map(() => 0);
await measure(SETTINGS[0]!.options); // warm-up: kernels, dataset cache
for (let round = 0; round < rounds; round++)
  for (let k = 0; k < SETTINGS.length; k++) {
    const i = (k + round) % SETTINGS.length;
    const result = await measure(SETTINGS[i]!.options);
    rates[i]!.push(result.rate);
    validations[i] = result.validations;
  }
const base = median(rates[0]!);
for (const [i, s] of SETTINGS.entries()) {
  const rate = median(rates[i]!);
  console.log(
    `${s.label}: ${rate.toFixed(0)} steps/s, ${validations[i]} validations, ${(rate / base).toFixed(2)}×`,
  );
}
console.log(`(median of ${rounds} rounds, ${steps} steps each, Node cpu)`);
