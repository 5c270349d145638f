import { beforeAll, describe, expect, it } from 'vitest';
import { exportModel } from '../../src/io/exportModel';
import { buildModel } from '../../src/model/buildModel';
import { DEFAULT_MODEL } from '../../src/spec/defaults';
import { useCpuBackend } from '../../src/testing/tfCpu';
import { FILE_LIMITS } from '../../src/spec/fileLimits';
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

  it('refuses a model.json over its size limit before reading it', async () => {
    const big = new File([new Uint8Array(FILE_LIMITS.modelJsonBytes + 1)], 'model.json');
    expect(await readModelFiles([big, new File([new Uint8Array(4)], 'weights.bin')])).toEqual({
      ok: false,
      message: 'model.json is 16.1 MB; files up to 16.0 MB can be read here',
    });
  });

  it('refuses a design that fails the schema inside an otherwise valid export', async () => {
    const model = buildModel(DEFAULT_MODEL, 1);
    const { modelJson, weightData } = await exportModel(model, DEFAULT_MODEL);
    model.dispose();
    const json = JSON.parse(modelJson);
    json.userDefinedMetadata.mtlPlayground.spec.encoder[0].units = 'many';
    const read = await readModelFiles([
      new File([JSON.stringify(json)], 'model.json'),
      new File([weightData], 'weights.bin'),
    ]);
    expect(read).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^model\.json cannot be imported: its design is invalid at encoder\.0\.units: /,
      ),
    });
  });
});
