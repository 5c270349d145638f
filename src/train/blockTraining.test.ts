import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../design/presets';
import { encoderBlockId, taskBlockId, trainingBlocks } from '../spec/blocks';
import { EXTRA_LAYERS } from '../testing/layerDesigns';
import { makeTrainer, trainSteps } from '../testing/fixtures';
import { useCpuBackend } from '../testing/tfCpu';

beforeAll(useCpuBackend);

/** Every weight of one layer (trainable and running statistics), read asynchronously. */
async function weightsOf(model: tf.LayersModel, name: string): Promise<Float32Array[]> {
  return Promise.all(
    model
      .getLayer(name)
      .getWeights(false)
      .map((w) => w.data() as Promise<Float32Array>),
  );
}

const FROZEN = { trainable: false, lrScale: 1 };
const withNorm = EXTRA_LAYERS[0]![1]; // Dense, BatchNorm, Dropout, LayerNorm

describe('frozen blocks and learning-rate multipliers', () => {
  it.each(['adam', 'momentum', 'rmsprop', 'sgd'] as const)(
    'keeps frozen encoder layers bit-identical under %s, BatchNorm statistics included',
    async (optimizer) => {
      const run = makeTrainer({ spec: withNorm.spec, config: { ...withNorm.config, optimizer } });
      await trainSteps(run.trainer, 5); // moments are non-zero by now
      run.trainer.setBlocks({ [encoderBlockId(0)]: FROZEN, [encoderBlockId(1)]: FROZEN });
      const dense = await weightsOf(run.model, 'shared_1_dense');
      const norm = await weightsOf(run.model, 'shared_2_batchNorm');
      const head = await weightsOf(run.model, 'circle');
      await trainSteps(run.trainer, 10);
      expect(await weightsOf(run.model, 'shared_1_dense')).toEqual(dense);
      expect(await weightsOf(run.model, 'shared_2_batchNorm')).toEqual(norm);
      expect(await weightsOf(run.model, 'circle')).not.toEqual(head);
      run.dispose();
    },
  );

  it('freezes under a gradient strategy too (MGDA-UB)', async () => {
    const weighting = { ...PRESETS[0]!.config.weighting, strategy: 'mgda' as const };
    const run = makeTrainer({
      config: { weighting, blocks: { [taskBlockId('wave')]: FROZEN, [encoderBlockId(0)]: FROZEN } },
    });
    const shared = await weightsOf(run.model, 'shared_1_dense');
    const wave = await weightsOf(run.model, 'wave');
    const circle = await weightsOf(run.model, 'circle');
    await trainSteps(run.trainer, 5);
    expect(await weightsOf(run.model, 'shared_1_dense')).toEqual(shared);
    expect(await weightsOf(run.model, 'wave')).toEqual(wave);
    expect(await weightsOf(run.model, 'circle')).not.toEqual(circle);
    run.dispose();
  });

  it('a multiplier of 2 takes SGD steps twice as long as ×1 from the same weights', async () => {
    const step = async (lrScale: number) => {
      const run = makeTrainer({
        config: {
          optimizer: 'sgd',
          blocks: { [taskBlockId('circle')]: { trainable: true, lrScale } },
        },
      });
      const before = (await weightsOf(run.model, 'circle'))[0]!;
      await trainSteps(run.trainer, 1);
      const after = (await weightsOf(run.model, 'circle'))[0]!;
      run.dispose();
      return after.map((w, i) => w - before[i]!);
    };
    const once = await step(1);
    const twice = await step(2);
    twice.forEach((d, i) => expect(d).toBeCloseTo(2 * once[i]!, 6));
    expect(Math.max(...once.map(Math.abs))).toBeGreaterThan(1e-5);
  });

  it('an unfrozen block trains again and the others keep their Adam moments', async () => {
    const keep = makeTrainer();
    const refreeze = makeTrainer();
    await trainSteps(keep.trainer, 5);
    await trainSteps(refreeze.trainer, 5);
    // Freezing and unfreezing the wave head leaves the other groups' optimizer state as it was.
    refreeze.trainer.setBlocks({ [taskBlockId('wave')]: FROZEN });
    refreeze.trainer.setBlocks(undefined);
    const wave = await weightsOf(refreeze.model, 'wave');
    // One step: the wave head's fresh moments cannot yet reach the other groups' gradients.
    await trainSteps(keep.trainer, 1);
    await trainSteps(refreeze.trainer, 1);
    for (const layer of ['circle', 'shared_1_dense'])
      expect(await weightsOf(refreeze.model, layer)).toEqual(await weightsOf(keep.model, layer));
    expect(await weightsOf(refreeze.model, 'wave')).not.toEqual(wave);
    keep.dispose();
    refreeze.dispose();
  });

  it('lists every block of a mixture: layers, experts, gates, heads', () => {
    const mmoe = PRESETS.find((p) => p.spec.sharing.mode === 'mmoe')!;
    const blocks = trainingBlocks(mmoe.spec);
    const kinds = new Set(blocks.map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['copy', 'encoder', 'mode', 'task']);
    const layers = blocks.filter((b) => b.kind === 'encoder').flatMap((b) => b.layers);
    const copies = blocks.filter((b) => b.kind === 'copy').flatMap((b) => b.layers);
    expect(new Set(layers)).toEqual(new Set(copies)); // the same layers, cut two ways
  });
});
