/**
 * Does sharing help a design? Its Δm % over single-task baselines, as the app's Baselines button
 * measures it (each task alone: same encoder, head, data, optimizer and seed, same step budget),
 * over several seeds of the training run (the data stays the design's). Node, tf.js cpu backend.
 *   npx tsx scripts/bench/sharingGain.ts [--preset=toy2d] [--seeds=5] [--steps=2000]
 *     [--size=N] [--tasks=circle,bowl]
 */
import * as tf from '@tensorflow/tfjs';
import { uploadDataset } from '../../src/data/deviceData';
import { describeDataset, loadDataset } from '../../src/data/loadDataset';
import { registerKernelOverrides } from '../../src/kernels/registry';
import { buildModel } from '../../src/model/buildModel';
import { PRESETS } from '../../src/design/presets';
import type { TaskSpec } from '../../src/spec/types';
import type { StrategyId } from '../../src/spec/weighting';
import { testAssets } from '../../src/testing/fixtures';
import { deltaM } from '../../src/train/multiTaskGain';
import { Trainer } from '../../src/train/trainer';
import { singleTaskDesign } from '../../src/worker/baselines';
import type { RunDesign } from '../../src/worker/protocol';
import { flag } from './cli';

registerKernelOverrides();
await tf.setBackend('cpu');

const preset = PRESETS.find((p) => p.id === (flag('preset') ?? 'toy2d'))!;
const seeds = Number(flag('seeds') ?? 5);
const steps = Number(flag('steps') ?? preset.config.maxSteps ?? 2000);
const size = flag('size');
const keep = flag('tasks')?.split(',');
const noise = flag('noise');
const units = flag('units');
const lr = flag('lr');
const val = flag('val');
const weighting = flag('weighting') as StrategyId | undefined;

/** Every task's validation metric after `steps` steps of the design. */
async function metrics(design: RunDesign): Promise<number[]> {
  const data = uploadDataset(loadDataset(design.data, testAssets()), design.spec);
  const model = buildModel(design.spec, design.config.seed);
  const trainer = new Trainer(model, design.spec, design.config, data);
  try {
    for (let i = 1; i <= steps; i++) {
      await trainer.trainStep();
      if (i % 50 === 0) await trainer.flush();
    }
    await trainer.flush();
    return (await trainer.evaluate()).metrics;
  } finally {
    trainer.dispose();
    model.dispose();
    data.dispose();
  }
}

/** The preset's tasks, or the named targets of its data (a head per target, as the app adds one). */
const schema = describeDataset(preset.data);
const tasks: TaskSpec[] = keep
  ? keep.map(
      (name) =>
        preset.spec.tasks.find((t) => t.name === name) ??
        (schema.targets[name]!.kind === 'classification'
          ? {
              name,
              target: name,
              head: [],
              outputUnits: (schema.targets[name] as { classes: number }).classes,
              loss: 'softmaxCrossEntropy',
              metric: 'accuracy',
            }
          : { name, target: name, head: [], outputUnits: 1, loss: 'mse', metric: 'mae' }),
    )
  : preset.spec.tasks;
const base: RunDesign = {
  spec: {
    ...preset.spec,
    tasks,
    encoder: units
      ? preset.spec.encoder.map((l) => (l.type === 'dense' ? { ...l, units: Number(units) } : l))
      : preset.spec.encoder,
  },
  config: {
    ...preset.config,
    ...(lr ? { learningRate: Number(lr) } : {}),
    ...(weighting ? { weighting: { ...preset.config.weighting, strategy: weighting } } : {}),
    maxSteps: steps,
    lambdas: Object.fromEntries(tasks.map((t) => [t.name, 1])),
  },
  data: {
    ...preset.data,
    ...(size ? { size: Number(size) } : {}),
    ...(noise ? { noise: Number(noise) } : {}),
    ...(val ? { valFraction: Number(val) } : {}),
  },
};
console.log(
  `${preset.label}: tasks ${tasks.map((t) => t.name).join(', ')}, ${base.data.size} examples, noise ${base.data.noise}, ${steps} steps, ${seeds} seeds`,
);
const gains: number[] = [];
for (let k = 0; k < seeds; k++) {
  const design = { ...base, config: { ...base.config, seed: base.config.seed + k } };
  const multi = await metrics(design);
  const alone = await Promise.all(
    tasks.map(async (_, i) => (await metrics(singleTaskDesign(design, i, steps)))[0]!),
  );
  const gain = deltaM(
    tasks.map((t, i) => ({ metric: t.metric, multiTask: multi[i]!, baseline: alone[i]! })),
  );
  gains.push(gain ?? NaN);
  console.log(
    `seed ${design.config.seed}: ${tasks.map((t, i) => `${t.name} ${t.metric} ${multi[i]!.toFixed(4)} vs alone ${alone[i]!.toFixed(4)}`).join('; ')} → Δm ${gain?.toFixed(1)} %`,
  );
}
const mean = gains.reduce((a, b) => a + b, 0) / gains.length;
const sd = Math.sqrt(
  gains.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, gains.length - 1),
);
console.log(`Δm = ${mean.toFixed(1)} ± ${sd.toFixed(1)} % (mean ± sd over ${gains.length} seeds)`);
