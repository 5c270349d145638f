import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../spec/defaults';
import { makeTrainer, trainSteps } from '../testing/fixtures';
import { useCpuBackend } from '../testing/tfCpu';
import { exportModel, loadExportedModel, WEIGHTS_FILE } from './exportModel';

beforeAll(useCpuBackend);

describe('exportModel', () => {
  it('writes tf.js layers files that load back with identical predictions', async () => {
    const run = makeTrainer();
    await trainSteps(run.trainer, 30);
    const exported = await exportModel(run.model, DEFAULT_MODEL);

    const json = JSON.parse(exported.modelJson);
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual([WEIGHTS_FILE]);
    expect(json.userDefinedMetadata.mtlPlayground.spec).toEqual(DEFAULT_MODEL);
    expect(exported.weightData.byteLength).toBe(run.model.countParams() * 4);

    const loaded = await loadExportedModel(exported);
    expect(loaded.outputNames).toEqual(['circle', 'wave']);
    const x = run.data.val.x;
    const original = run.model.predict(x) as tf.Tensor[];
    const reloaded = loaded.predict(x) as tf.Tensor[];
    for (let i = 0; i < original.length; i++) {
      expect(await reloaded[i]!.data()).toEqual(await original[i]!.data());
    }
    tf.dispose([...original, ...reloaded]);
    loaded.dispose();
    run.dispose();
  });
});
