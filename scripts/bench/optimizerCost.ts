/**
 * What the optimizer costs a training step: tf.js's own optimizers (one set of kernels per
 * variable) against the app's flat parameter groups (src/train/paramGroups.ts: the update rule
 * once over all groups' parameters), side by side in one run. Both step the same groups the
 * Trainer steps (the shared part and each head, each with its own optimizer) from the same
 * gradients: a batch gathered on the device, `variableGrads` of Σ Lᵢ. Node, tf.js cpu backend;
 * variants alternate over the rounds. Prints kernels per step, ms per step (median) and the ratio.
 *   npx tsx scripts/bench/optimizerCost.ts [--steps=1000] [--rounds=5] [--workloads=small,wide]
 *     [--optimizers=adam,sgd,momentum,rmsprop]
 */
import * as tf from '@tensorflow/tfjs';
import { createOptimizer } from '../../src/bench/referenceLoops';
import { WORKLOAD_IDS, WORKLOADS, type Workload } from '../../src/bench/workloads';
import { BatchSampler } from '../../src/data/batchSampler';
import { uploadDataset } from '../../src/data/deviceData';
import { loadDataset } from '../../src/data/loadDataset';
import { testAssets } from '../../src/testing/fixtures';
import { buildModel, parameterGroups, predictTasks } from '../../src/model/buildModel';
import { OPTIMIZERS, type OptimizerKind } from '../../src/spec/types';
import { taskLoss } from '../../src/train/losses';
import { ParamGroup, stepGroups } from '../../src/train/paramGroups';
import { flag, list } from './cli';
import { median } from './report';

const steps = Number(flag('steps') ?? 1000);
const rounds = Number(flag('rounds') ?? 5);
const workloads = list('workloads', WORKLOAD_IDS).filter((id) => id !== 'cnn');
const optimizers = list('optimizers', OPTIMIZERS);
await tf.setBackend('cpu');

type Variant = 'tf.js optimizers' | 'flat groups';
const VARIANTS: Variant[] = ['tf.js optimizers', 'flat groups'];

/** The Trainer's way: a ParamGroup per variable list, all stepped by one `stepGroups`. */
function flatGroups(groups: tf.Variable[][], kind: OptimizerKind, lr: number) {
  const params = groups.map((vs) => new ParamGroup(vs, kind, lr));
  return {
    step: (grads: tf.NamedTensorMap) =>
      stepGroups(
        params.map((group) => ({
          group,
          grads: group.variables.map((v) => grads[v.name] ?? null),
        })),
        1,
      ),
    dispose: () => params.forEach((g) => g.dispose()),
  };
}

/** One training step's function for a variant, and what to free after. */
function makeStep(
  w: Workload,
  kind: OptimizerKind,
  variant: Variant,
): { step(): void; dispose(): void } {
  const model = buildModel(w.spec, w.config.seed);
  const data = uploadDataset(loadDataset(w.data, testAssets()), w.spec);
  const params = parameterGroups(model, w.spec);
  const groups = [params.shared, ...params.tasks].filter((vs) => vs.length > 0);
  const lr = w.config.learningRate;
  const apply: { step(grads: tf.NamedTensorMap): void; dispose(): void }[] =
    variant === 'flat groups'
      ? [flatGroups(groups, kind, lr)]
      : groups.map((vs) => {
          const optimizer = createOptimizer(kind, lr);
          return {
            step: (grads) =>
              optimizer.applyGradients(Object.fromEntries(vs.map((v) => [v.name, grads[v.name]!]))),
            dispose: () => optimizer.dispose(),
          };
        });
  const sampler = new BatchSampler(data.train.size, w.config.seed);
  const variables = groups.flat();
  return {
    step: () =>
      tf.tidy(() => {
        const indices = tf.tensor1d(sampler.next(w.config.batchSize), 'int32');
        const x = tf.gather(data.train.x, indices);
        const targets = data.train.targets.map((t) => tf.gather(t, indices));
        const { grads } = tf.variableGrads(() => {
          const preds = predictTasks(model, x, true);
          return tf.addN(
            w.spec.tasks.map((t, i) => taskLoss(t.loss, preds[i]!, targets[i]!)),
          ) as tf.Scalar;
        }, variables);
        for (const a of apply) a.step(grads);
      }),
    dispose: () => {
      apply.forEach((a) => a.dispose());
      model.dispose();
      data.dispose();
    },
  };
}

/** ms per step of `n` steps after a warm-up, and the kernels one step runs. */
async function measure(
  w: Workload,
  kind: OptimizerKind,
  variant: Variant,
  n: number,
): Promise<{ ms: number; kernels: number }> {
  const { step, dispose } = makeStep(w, kind, variant);
  for (let i = 0; i < 3; i++) step(); // optimizer slots, kernel warm-up
  const { kernels } = await tf.profile(step);
  const kernelCount = kernels.length; // tf.profile reuses its result object: read it now
  const start = performance.now();
  for (let i = 0; i < n; i++) step();
  const ms = (performance.now() - start) / n;
  dispose();
  return { ms, kernels: kernelCount };
}

console.log(`tf.js ${tf.version.tfjs}, cpu backend, Node ${process.version}`);
for (const id of workloads) {
  const w = WORKLOADS[id];
  // The wide model's step is ~1 s on this backend: fewer steps there.
  const n = id === 'wide' ? Math.max(3, Math.round(steps / 200)) : steps;
  console.log(`\n${w.label}: ${n} steps × ${rounds} rounds`);
  console.log('| optimizer | variant | kernels / step | ms / step | speed vs tf.js |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const kind of optimizers) {
    const times = VARIANTS.map(() => [] as number[]);
    const kernels = VARIANTS.map(() => 0);
    for (let round = 0; round < rounds; round++)
      for (let k = 0; k < VARIANTS.length; k++) {
        const v = (k + round) % VARIANTS.length; // the order alternates each round
        const result = await measure(w, kind, VARIANTS[v]!, n);
        times[v]!.push(result.ms);
        kernels[v] = result.kernels;
      }
    const base = median(times[0]!);
    VARIANTS.forEach((variant, v) => {
      const ms = median(times[v]!);
      console.log(
        `| ${kind} | ${variant} | ${kernels[v]} | ${ms.toFixed(3)} | ${(base / ms).toFixed(2)}× |`,
      );
    });
  }
}
