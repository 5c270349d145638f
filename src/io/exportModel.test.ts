import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../model/buildModel';
import { PRESETS } from '../design/presets';
import { EXTRA_LAYERS } from '../testing/layerDesigns';
import { restoreWeights } from './restoreWeights';
import { CLEAN_POINTS, makeTrainer, trainSteps } from '../testing/fixtures';
import { useCpuBackend } from '../testing/tfCpu';
import { exportModel, loadExportedModel, WEIGHTS_FILE } from './exportModel';

beforeAll(useCpuBackend);

describe('exportModel', () => {
  it('writes tf.js layers files with the design inside', async () => {
    const run = makeTrainer();
    const exported = await exportModel(run.model, CLEAN_POINTS.spec);
    const json = JSON.parse(exported.modelJson);
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual([WEIGHTS_FILE]);
    expect(json.userDefinedMetadata.mtlPlayground.spec).toEqual(CLEAN_POINTS.spec);
    expect(exported.weightData.byteLength).toBe(run.model.countParams() * 4);
    run.dispose();
  });

  // The presets plus these designs use every layer type, MMoE and the custom SelfAttention layer.
  it.each([...PRESETS.map((p) => [p.label, p] as const), ...EXTRA_LAYERS])(
    'round-trips %s with identical predictions',
    async (_label, preset) => {
      const run = makeTrainer({
        spec: preset.spec,
        data: { ...preset.data, size: 60 },
        config: { batchSize: 8 },
      });
      await trainSteps(run.trainer, 3);
      const loaded = await loadExportedModel(await exportModel(run.model, preset.spec));
      expect(loaded.outputNames).toEqual(preset.spec.tasks.map((t) => t.name));
      const original = run.model.predict(run.data.val.x) as tf.Tensor[];
      const reloaded = loaded.predict(run.data.val.x) as tf.Tensor[];
      for (let i = 0; i < original.length; i++) {
        expect(await reloaded[i]!.data()).toEqual(await original[i]!.data());
      }
      // The app's Import model path: the weights restored into a model built from the design.
      const rebuilt = buildModel(preset.spec, 999);
      await restoreWeights(rebuilt, preset.spec, await exportModel(run.model, preset.spec));
      const restored = rebuilt.predict(run.data.val.x) as tf.Tensor[];
      for (let i = 0; i < original.length; i++) {
        expect(await restored[i]!.data()).toEqual(await original[i]!.data());
      }
      tf.dispose([...original, ...reloaded, ...restored]);
      loaded.dispose();
      rebuilt.dispose();
      run.dispose();
    },
  );
});
