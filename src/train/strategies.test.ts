import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN } from '../spec/defaults';
import { PRESETS } from '../design/presets';
import { ADAPTIVE_STRATEGIES, STRATEGIES } from '../spec/weighting';
import { makeTrainer, trainSteps } from '../testing/fixtures';
import { useCpuBackend } from '../testing/tfCpu';

beforeAll(useCpuBackend);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const mmoe = PRESETS.find((p) => p.id === 'mmoe')!;

describe.each([
  ['hard sharing', undefined],
  ['MMoE', mmoe],
])('every strategy trains (%s)', (_label, preset) => {
  it.each(STRATEGIES.map((s) => [s]))(
    '%s: finite losses that fall, flat tensor count, recorded weights',
    async (strategy) => {
      const weighting = { ...DEFAULT_TRAIN.weighting, strategy, dwaWindow: 5 };
      const run = makeTrainer({
        spec: preset?.spec,
        config: { ...(preset?.config ?? {}), weighting },
      });
      await trainSteps(run.trainer, 3); // optimizer slots appear on the first steps
      const baseline = tf.memory().numTensors;
      const steps = [];
      for (let chunk = 0; chunk < 12; chunk++) steps.push(...(await trainSteps(run.trainer, 5))); // DWA learns from readbacks, as in the app
      expect(tf.memory().numTensors).toBe(baseline);
      expect(
        steps.every((s) => s.losses.every(Number.isFinite) && s.weights.every(Number.isFinite)),
      ).toBe(true);
      const total = steps.map((s) => mean(s.losses));
      expect(mean(total.slice(-10))).toBeLessThan(mean(total.slice(0, 10)));
      const firstWeights = JSON.stringify(steps[0]!.weights);
      const changed = steps.some((s) => JSON.stringify(s.weights) !== firstWeights);
      expect(changed).toBe(ADAPTIVE_STRATEGIES.includes(strategy));
      run.dispose();
    },
  );
});

describe('strategy switches and gradient views', () => {
  it('switches strategy mid-run without rebuilding the model', async () => {
    const run = makeTrainer();
    await trainSteps(run.trainer, 5);
    run.trainer.setWeighting({ ...DEFAULT_TRAIN.weighting, strategy: 'mgda' });
    const steps = await trainSteps(run.trainer, 5);
    expect(steps[0]!.step).toBe(6);
    expect(steps.every((s) => Math.abs(s.weights[0]! + s.weights[1]! - 1) < 1e-5)).toBe(true); // MGDA's simplex weights
    run.trainer.setWeighting({ ...DEFAULT_TRAIN.weighting, strategy: 'static' });
    expect((await trainSteps(run.trainer, 1))[0]!.weights).toEqual([1, 1]);
    run.dispose();
  });

  it('takes the Gram matrix of batch-summed representation gradients when asked', async () => {
    const weightsAfter = async (representationGram: number) => {
      const weighting = {
        ...DEFAULT_TRAIN.weighting,
        strategy: 'mgda' as const,
        representationGram,
      };
      const run = makeTrainer({ config: { weighting } });
      const [step] = await trainSteps(run.trainer, 1);
      run.dispose();
      return step!.weights;
    };
    const perSample = await weightsAfter(0);
    const summed = await weightsAfter(1);
    for (const w of [perSample, summed]) expect(w[0]! + w[1]!).toBeCloseTo(1, 5);
    expect(summed[0]).not.toBeCloseTo(perSample[0]!, 3);
  });

  it('measures gradient cosines between tasks, 1 on the diagonal', async () => {
    const run = makeTrainer();
    const c = (await run.trainer.gradientCosines())!;
    expect(c).toHaveLength(2);
    expect(c[0]![0]).toBeCloseTo(1, 5);
    expect(c[0]![1]).toBeCloseTo(c[1]![0]!, 6);
    expect(Math.abs(c[0]![1]!)).toBeLessThanOrEqual(1);
    run.dispose();
  });
});

describe('one task', () => {
  it.each(STRATEGIES.map((s) => [s]))(
    '%s trains a single task without failing',
    async (strategy) => {
      const spec = { ...PRESETS[0]!.spec, tasks: [PRESETS[0]!.spec.tasks[0]!] };
      const run = makeTrainer({
        spec,
        config: { lambdas: { circle: 1 }, weighting: { ...DEFAULT_TRAIN.weighting, strategy } },
      });
      const steps = await trainSteps(run.trainer, 5);
      expect(
        steps.every((s) => s.losses.every(Number.isFinite) && s.weights.every(Number.isFinite)),
      ).toBe(true);
      expect(await run.trainer.gradientCosines()).toBeNull();
      run.dispose();
    },
  );
});

describe('every strategy trains on every architecture', () => {
  // The 2-D presets of each architecture; MTAN on the same points (its preset is a CNN).
  const mtan = { ...mmoe, spec: { ...mmoe.spec, sharing: { mode: 'mtan' as const } } };
  const designs = [
    ...['cgc', 'ple', 'dselectk', 'crossStitch'].map((id) => PRESETS.find((p) => p.id === id)!),
    mtan,
  ];
  it.each(designs.flatMap((d) => STRATEGIES.map((s) => [d.spec.sharing.mode, s, d] as const)))(
    '%s × %s: finite losses and weights',
    async (_mode, strategy, preset) => {
      const weighting = { ...DEFAULT_TRAIN.weighting, strategy, dwaWindow: 1 };
      const run = makeTrainer({
        spec: preset.spec,
        data: { ...preset.data, size: 80 },
        config: { ...preset.config, batchSize: 16, weighting },
      });
      const steps = await trainSteps(run.trainer, 3);
      expect(
        steps.every((s) => s.losses.every(Number.isFinite) && s.weights.every(Number.isFinite)),
      ).toBe(true);
      run.dispose();
    },
  );
});
