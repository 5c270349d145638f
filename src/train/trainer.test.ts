import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../design/presets';
import { CLEAN_POINTS, makeTrainer, trainSteps } from '../testing/fixtures';
import { useCpuBackend } from '../testing/tfCpu';

beforeAll(useCpuBackend);

/** Copies of every weight of one layer, read asynchronously. */
async function layerWeights(model: tf.LayersModel, name: string): Promise<Float32Array[]> {
  return Promise.all(
    model
      .getLayer(name)
      .getWeights()
      .map((w) => w.data() as Promise<Float32Array>),
  );
}

describe('Trainer', () => {
  it('lowers the validation loss of every task on the 2-D data', async () => {
    const run = makeTrainer();
    const before = await run.trainer.evaluate();
    const steps = await trainSteps(run.trainer, 300);
    const after = await run.trainer.evaluate();
    expect(steps).toHaveLength(300);
    expect(steps.at(-1)!.step).toBe(300);
    after.losses.forEach((loss, i) => expect(loss).toBeLessThan(before.losses[i]! * 0.7));
    expect(after.metrics[0]).toBeGreaterThan(0.85); // circle accuracy
    expect(after.metrics[1]).toBeLessThan(before.metrics[1]!); // wave MAE
    run.dispose();
  });

  it('leaves a head with λ = 0 exactly unchanged while the other head learns', async () => {
    const run = makeTrainer({ config: { lambdas: { circle: 1, wave: 0 } } });
    await trainSteps(run.trainer, 5); // Adam has momentum by now
    const waveBefore = await layerWeights(run.model, 'wave');
    const circleBefore = await layerWeights(run.model, 'circle');
    await trainSteps(run.trainer, 20);
    expect(await layerWeights(run.model, 'wave')).toEqual(waveBefore);
    expect(await layerWeights(run.model, 'circle')).not.toEqual(circleBefore);
    run.dispose();
  });

  it('freezes a head whose λ drops to 0 mid-run, despite Adam momentum', async () => {
    const run = makeTrainer();
    await trainSteps(run.trainer, 10);
    run.trainer.setLambdas({ wave: 0 });
    expect(run.trainer.sliderLambdas).toEqual([1, 0]);
    const waveBefore = await layerWeights(run.model, 'wave');
    await trainSteps(run.trainer, 10);
    expect(await layerWeights(run.model, 'wave')).toEqual(waveBefore);
    run.dispose();
  });

  it('moves nothing when every λ is 0 but still records the losses', async () => {
    const run = makeTrainer({ config: { lambdas: { circle: 0, wave: 0 } } });
    const before = await layerWeights(run.model, 'shared_1_dense');
    const steps = await trainSteps(run.trainer, 3);
    expect(steps.every((s) => s.losses.every(Number.isFinite))).toBe(true);
    expect(await layerWeights(run.model, 'shared_1_dense')).toEqual(before);
    run.dispose();
  });

  it('keeps the tensor count flat across 50 steps, readbacks and evaluations', async () => {
    const run = makeTrainer();
    await trainSteps(run.trainer, 2); // optimizer slots are created on the first steps
    await run.trainer.evaluate();
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) {
      await trainSteps(run.trainer, 5);
      await run.trainer.evaluate();
    }
    expect(tf.memory().numTensors).toBe(baseline);
    run.dispose();
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const losses = async (seed: number) => {
      const run = makeTrainer({ config: { seed } });
      const steps = await trainSteps(run.trainer, 20);
      run.dispose();
      return steps.map((s) => s.losses);
    };
    expect(await losses(7)).toEqual(await losses(7));
    expect(await losses(7)).not.toEqual(await losses(8));
  });

  it.each(['sgd', 'adam'] as const)(
    'applies a learning-rate change on the next step (%s)',
    async (optimizer) => {
      const run = makeTrainer({ config: { optimizer } });
      await trainSteps(run.trainer, 3);
      run.trainer.setLearningRate(0);
      const before = await layerWeights(run.model, 'shared_1_dense');
      await trainSteps(run.trainer, 3);
      expect(await layerWeights(run.model, 'shared_1_dense')).toEqual(before);
      run.dispose();
    },
  );

  it('weights the objective by λ: a larger λ pulls that task down faster', async () => {
    const final = async (lambdas: Record<string, number>) => {
      const run = makeTrainer({ config: { lambdas, seed: 3 } });
      await trainSteps(run.trainer, 150);
      const evaluation = await run.trainer.evaluate();
      run.dispose();
      return evaluation.losses;
    };
    const favourWave = await final({ circle: 0.05, wave: 5 });
    const favourCircle = await final({ circle: 5, wave: 0.05 });
    expect(favourWave[1]).toBeLessThan(favourCircle[1]!);
    expect(favourCircle[0]).toBeLessThan(favourWave[0]!);
  });
});

describe('Trainer on every preset', () => {
  // 28×28 CNNs take seconds per step on tf.js's cpu backend: the MNIST presets train in the browser tests.
  const quick = PRESETS.filter((p) => p.data.kind !== 'multimnist' && p.data.kind !== 'mnist');
  it.each(quick.map((p) => [p.label, p] as const))(
    'lowers the weighted training loss: %s',
    async (_label, preset) => {
      // Small batches keep the CNN quick on the cpu backend.
      const run = makeTrainer({
        spec: preset.spec,
        data: { ...preset.data, size: 400 },
        config: { ...preset.config, batchSize: 12 },
      });
      const steps = await trainSteps(run.trainer, 50);
      const weighted = steps.map((s) => s.losses.reduce((a, b) => a + b, 0));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(mean(weighted.slice(-10))).toBeLessThan(mean(weighted.slice(0, 10)));
      run.dispose();
    },
  );
});

describe('Trainer regularization', () => {
  const kernelNorm = async (model: tf.LayersModel, layer: string) => {
    const [kernel] = model.getLayer(layer).getWeights();
    return (await tf.norm(kernel!).data())[0]!;
  };

  it('shrinks kernels with decoupled weight decay', async () => {
    const norms = await Promise.all(
      [0, 0.5].map(async (weightDecay) => {
        const run = makeTrainer({ config: { optimizer: 'sgd', learningRate: 0.1, weightDecay } });
        await trainSteps(run.trainer, 30);
        const norm = await kernelNorm(run.model, 'shared_2_dense');
        run.dispose();
        return norm;
      }),
    );
    expect(norms[1]).toBeLessThan(norms[0]! * 0.6);
  });

  it('penalizes Dense kernels with their L2 factor', async () => {
    const withL2 = (l2: number) => ({
      ...CLEAN_POINTS.spec,
      encoder: CLEAN_POINTS.spec.encoder.map((l) => (l.type === 'dense' ? { ...l, l2 } : l)),
    });
    const norms = await Promise.all(
      [0, 0.05].map(async (l2) => {
        const run = makeTrainer({
          spec: withL2(l2),
          config: { optimizer: 'sgd', learningRate: 0.1 },
        });
        await trainSteps(run.trainer, 30);
        const norm = await kernelNorm(run.model, 'shared_1_dense');
        run.dispose();
        return norm;
      }),
    );
    expect(norms[1]).toBeLessThan(norms[0]! * 0.9);
  });
});
