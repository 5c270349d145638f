/**
 * Long-run check of the engine in Node (cpu backend): trains the default example through the
 * worker handler — metrics streaming, validation with decision maps and gradient cosines, a
 * checkpoint every 2 000 steps — and prints tf.js's tensor count and bytes and the JS heap every
 * 1 000 steps. Exits 1 if tensors or bytes grow after warm-up.
 *   npx tsx scripts/soak.ts [steps=10000]
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../src/spec/defaults';
import { WorkerHandler } from '../src/worker/handler';
import type { FromWorker } from '../src/worker/protocol';

const steps = Number(process.argv[2] ?? 10_000);
const every = 1000;
let lastStep = 0;
const errors: string[] = [];
const handler = new WorkerHandler((m: FromWorker) => {
  if (m.type === 'status') lastStep = m.step;
  if (m.type === 'error') errors.push(m.message);
});

await handler.handle({ type: 'selectBackend', choice: 'cpu' });
const design = {
  spec: DEFAULT_MODEL,
  config: { ...DEFAULT_TRAIN, maxSteps: 0, evalEvery: 50 },
  data: DEFAULT_DATA,
};
const rows: { step: number; tensors: number; bytes: number; heapMB: number; seconds: number }[] =
  [];
const started = performance.now();
for (let target = every; target <= steps; target += every) {
  await handler.handle({
    type: 'train',
    runId: 'soak',
    design: { ...design, config: { ...design.config, maxSteps: target } },
  });
  await handler.idle();
  if (target % 2000 === 0) await handler.handle({ type: 'checkpoint', runId: 'soak' });
  const memory = tf.memory();
  rows.push({
    step: lastStep,
    tensors: memory.numTensors,
    bytes: memory.numBytes,
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e5) / 10,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  });
  console.log(JSON.stringify(rows.at(-1)));
}
const warm = rows[1] ?? rows[0]!;
const last = rows.at(-1)!;
const grew = last.tensors > warm.tensors || last.bytes > warm.bytes;
console.log(
  `${steps} steps: tensors ${warm.tensors} → ${last.tensors}, bytes ${warm.bytes} → ${last.bytes}, heap ${warm.heapMB} → ${last.heapMB} MB${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`,
);
process.exit(grew || errors.length ? 1 : 0);
