/**
 * Step cost of each weighting strategy relative to Equal, measured side by side in one run on
 * tf.js's cpu backend in Node (the engine code the worker runs, without a browser):
 *   npx tsx scripts/bench-strategies.ts [steps]
 * Strategies alternate in rounds so that drift on the machine hits them all alike.
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_TRAIN } from '../src/spec/defaults';
import { PRESETS } from '../src/design/presets';
import type { ModelSpec } from '../src/spec/types';
import { STRATEGIES, type StrategyId } from '../src/spec/weighting';
import { makeTrainer, trainSteps } from '../src/testing/fixtures';

const STEPS = Number(process.argv[2] ?? 40);
const ROUNDS = 3;

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;
const defaultExample = preset('sharing');
const mmoe = preset('mmoe');
const wide: ModelSpec = {
  ...defaultExample.spec,
  encoder: [
    { type: 'dense', units: 256, activation: 'relu', l2: 0 },
    { type: 'dense', units: 256, activation: 'relu', l2: 0 },
  ],
};
const workloads = [
  { name: 'default 2-D (371 params)', spec: defaultExample.spec, data: defaultExample.data },
  { name: 'wide 2→256→256, 2 heads', spec: wide, data: defaultExample.data },
  { name: `MMoE, ${mmoe.spec.tasks.length} tasks`, spec: mmoe.spec, data: mmoe.data },
];

async function msPerStep(
  spec: ModelSpec,
  data: (typeof workloads)[number]['data'],
  strategy: StrategyId,
): Promise<number> {
  const lambdas = Object.fromEntries(spec.tasks.map((t) => [t.name, 1]));
  const run = makeTrainer({
    spec,
    data,
    config: { lambdas, batchSize: 64, weighting: { ...DEFAULT_TRAIN.weighting, strategy } },
  });
  await trainSteps(run.trainer, 3); // warm-up: optimizer slots, kernels
  const start = performance.now();
  await trainSteps(run.trainer, STEPS);
  const ms = (performance.now() - start) / STEPS;
  run.dispose();
  return ms;
}

await tf.setBackend('cpu');
console.log(
  `tf.js ${tf.version.tfjs}, backend ${tf.getBackend()}, ${STEPS} steps × ${ROUNDS} rounds, batch 64, Node ${process.version}`,
);
for (const w of workloads) {
  const times: Record<string, number[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of STRATEGIES) (times[s] ??= []).push(await msPerStep(w.spec, w.data, s));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const equal = median(times.equal!);
  console.log(`\n${w.name} (T = ${w.spec.tasks.length})`);
  console.log('| strategy | ms/step | × Equal |\n| --- | ---: | ---: |');
  for (const s of STRATEGIES)
    console.log(
      `| ${s} | ${median(times[s]!).toFixed(2)} | ${(median(times[s]!) / equal).toFixed(2)} |`,
    );
}
