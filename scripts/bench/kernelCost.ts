/**
 * What the engine's kernel overrides (src/kernels) buy: the app's Trainer on each workload, with
 * tf.js's own kernels and with the overrides, side by side in one run (Node; the variants
 * alternate over the rounds). Where tf.js alone cannot train a workload (no Conv2D filter
 * gradient on wasm) the row says so. Prints ms per step (median) and the speed-up.
 *   npx tsx scripts/bench/kernelCost.ts [--backends=wasm,cpu] [--workloads=small,wide,cnn]
 *     [--rounds=3] [--target-ms=1500]
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { WORKLOAD_IDS, WORKLOADS, type Workload } from '../../src/bench/workloads';
import { uploadDataset } from '../../src/data/deviceData';
import { loadDataset } from '../../src/data/loadDataset';
import { registerKernelOverrides, unregisterKernelOverrides } from '../../src/kernels/registry';
import { buildModel } from '../../src/model/buildModel';
import { testAssets } from '../../src/testing/fixtures';
import { Trainer } from '../../src/train/trainer';
import { flag, list, log } from './cli';
import { median, stepsFor } from './report';

const backends = list('backends', ['wasm', 'cpu'] as const);
const workloads = list('workloads', WORKLOAD_IDS);
const rounds = Number(flag('rounds') ?? 3);
const targetMs = Number(flag('target-ms') ?? 1500);

type Variant = 'tf.js kernels' | 'overrides';
const VARIANTS: Variant[] = ['tf.js kernels', 'overrides'];

/** ms per Trainer step over `steps` steps (after two warm-up steps), losses read every 16. */
async function msPerStep(w: Workload, steps: number): Promise<number> {
  const data = uploadDataset(loadDataset(w.data, testAssets()), w.spec);
  const model = buildModel(w.spec, w.config.seed);
  const trainer = new Trainer(model, w.spec, w.config, data);
  try {
    for (let i = 0; i < 2; i++) await trainer.trainStep();
    await trainer.flush();
    const start = performance.now();
    for (let i = 1; i <= steps; i++) {
      await trainer.trainStep();
      if (i % 16 === 0 || i === steps) await trainer.flush();
    }
    return (performance.now() - start) / steps;
  } finally {
    trainer.dispose();
    model.dispose();
    data.dispose();
  }
}

async function use(backend: string, variant: Variant): Promise<void> {
  if (variant === 'overrides') registerKernelOverrides();
  else unregisterKernelOverrides();
  await tf.setBackend(backend);
  await tf.ready();
}

console.log(`tf.js ${tf.version.tfjs}, Node ${process.version}`);
console.log(
  '| backend | workload | steps | tf.js kernels ms/step | overrides ms/step | speed-up |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const backend of backends)
  for (const id of workloads) {
    const w = WORKLOADS[id];
    await use(backend, 'overrides');
    const steps = stepsFor(await msPerStep(w, 3), targetMs, 3, 400);
    const times = VARIANTS.map(() => [] as number[]);
    const failed: Partial<Record<Variant, string>> = {};
    for (let round = 0; round < rounds; round++)
      for (let k = 0; k < VARIANTS.length; k++) {
        const v = (k + round) % VARIANTS.length; // the order alternates each round
        const variant = VARIANTS[v]!;
        if (failed[variant]) continue;
        await use(backend, variant);
        try {
          times[v]!.push(await msPerStep(w, steps));
          log(`${backend} ${id} ${variant}: ${times[v]!.at(-1)!.toFixed(2)} ms/step`);
        } catch (e) {
          failed[variant] = e instanceof Error ? e.message.split('\n')[0]! : String(e);
          log(`${backend} ${id} ${variant}: ${failed[variant]}`);
        }
      }
    const [plain, ours] = times.map((t) => median(t));
    const cell = (v: number, k: number) =>
      failed[VARIANTS[k]!] ? `cannot train (${failed[VARIANTS[k]!]})` : v!.toFixed(2);
    const speedUp = Number.isFinite(plain! / ours!) ? `${(plain! / ours!).toFixed(2)}×` : '–';
    console.log(
      `| ${backend} | ${id} | ${steps} | ${cell(plain!, 0)} | ${cell(ours!, 1)} | ${speedUp} |`,
    );
  }
registerKernelOverrides();
