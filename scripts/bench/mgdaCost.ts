/**
 * What MGDA-UB's vector–Jacobian product through the encoder costs, and MGDA-UB's step against
 * Equal's, on the benchmark's wide MLP (784→512→512, 3 heads, batch 256). Node, tf.js cpu
 * backend, alternating over the rounds, median shown:
 *   1. the product as tf.js computes it, `gradients()` of ⟨encoder(x), dy⟩: a second forward pass
 *      under its tape, then the backward pass;
 *   2. the same from the traced forward's activations (src/model/encoderTrace.ts): backward only;
 *   3. the Trainer's step under Equal and under MGDA-UB (which now uses 2).
 *   npx tsx scripts/bench/mgdaCost.ts [--steps=4] [--rounds=3]
 */
import * as tf from '@tensorflow/tfjs';
import { WORKLOADS } from '../../src/bench/workloads';
import { buildModel, parameterGroups } from '../../src/model/buildModel';
import { splitAtRepresentation } from '../../src/model/splitModel';
import { makeTrainer, trainSteps } from '../../src/testing/fixtures';
import { flag } from './cli';
import { median } from './report';

const steps = Number(flag('steps') ?? 4);
const rounds = Number(flag('rounds') ?? 3);
await tf.setBackend('cpu');
const w = WORKLOADS.wide;

/** ms per call of `f` over `steps` calls, after one warm-up call. */
function time(f: () => void): number {
  f();
  const start = performance.now();
  for (let i = 0; i < steps; i++) f();
  return (performance.now() - start) / steps;
}

const model = buildModel(w.spec, 1);
const split = splitAtRepresentation(model, w.spec)!;
const variables = parameterGroups(model, w.spec).shared;
const x = tf.randomNormal([w.config.batchSize, 28, 28, 1], 0, 1, 'float32', 1);
const encoded = split.encode(x);
if (!encoded.saved.length) throw new Error('the wide MLP should be traced');
const dy = tf.randomNormal(encoded.h.shape, 0, 1, 'float32', 2);
const viaTfjs = () =>
  tf.tidy(() => void tf.engine().gradients(() => split.encoder(x, true), variables, dy, true));
const viaTrace = () => tf.tidy(() => void split.encoderVjp(x, encoded, dy, variables));

/** ms per Trainer step under one strategy (fresh trainer, one warm-up step). */
async function trainerStep(strategy: 'equal' | 'mgda'): Promise<number> {
  const run = makeTrainer({
    spec: w.spec,
    data: w.data,
    config: { ...w.config, weighting: { ...w.config.weighting, strategy } },
  });
  await trainSteps(run.trainer, 1);
  const start = performance.now();
  await trainSteps(run.trainer, steps);
  const ms = (performance.now() - start) / steps;
  run.dispose();
  return ms;
}

const times = {
  tfjs: [] as number[],
  trace: [] as number[],
  equal: [] as number[],
  mgda: [] as number[],
};
for (let round = 0; round < rounds; round++) {
  const flip = round % 2 === 1;
  for (const which of flip ? (['trace', 'tfjs'] as const) : (['tfjs', 'trace'] as const))
    times[which].push(time(which === 'tfjs' ? viaTfjs : viaTrace));
  for (const strategy of flip ? (['mgda', 'equal'] as const) : (['equal', 'mgda'] as const))
    times[strategy].push(await trainerStep(strategy));
}
const [tfjs, trace, equal, mgda] = [times.tfjs, times.trace, times.equal, times.mgda].map(median);
console.log(
  `${w.label}; tf.js ${tf.version.tfjs} cpu, Node ${process.version}, ${steps} steps × ${rounds} rounds`,
);
console.log(`VJP through the encoder, tf.js gradients(): ${tfjs!.toFixed(0)} ms`);
console.log(
  `VJP through the encoder, traced backward:   ${trace!.toFixed(0)} ms (${(tfjs! / trace!).toFixed(2)}× faster)`,
);
console.log(
  `Trainer step, Equal: ${equal!.toFixed(0)} ms; MGDA-UB: ${mgda!.toFixed(0)} ms (${(mgda! / equal!).toFixed(2)}× Equal; target ≤ 1.5×)`,
);
tf.dispose([x, encoded.h, ...encoded.saved, dy]);
split.dispose();
model.dispose();
