import { beforeAll, describe, expect, it } from 'vitest';
import { exportModel } from '../../src/io/exportModel';
import { buildModel } from '../../src/model/buildModel';
import { DEFAULT_MODEL } from '../../src/spec/defaults';
import { useCpuBackend } from '../../src/testing/tfCpu';
import { readModelFiles } from './readModelFiles';

beforeAll(useCpuBackend);

describe('reading exported model files', () => {
  it('accepts the app’s own export and refuses weights that do not match it', async () => {
    const model = buildModel(DEFAULT_MODEL, 1);
    const { modelJson, weightData } = await exportModel(model, DEFAULT_MODEL);
    model.dispose();
    const json = new File([modelJson], 'model.json');
    const ok = await readModelFiles([json, new File([weightData], 'weights.bin')]);
    expect(ok).toMatchObject({ ok: true, spec: DEFAULT_MODEL });
    const cut = await readModelFiles([json, new File([weightData.slice(0, 100)], 'weights.bin')]);
    expect(cut).toEqual({
      ok: false,
      message: `weights.bin holds 100 bytes but model.json describes ${weightData.byteLength} bytes of weights: the files do not belong together or one is damaged`,
    });
  });
});
