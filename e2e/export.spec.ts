import * as tf from '@tensorflow/tfjs';
import { expect, test, type Download } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { generateToy2d } from '../src/data/toy2d';
import { DEFAULT_DATA } from '../src/spec/defaults';
import { Playground } from './playground';

async function read(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

test('Export weights downloads model.json and weights.bin that tf.js loads with the app’s predictions', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.button('Train').click();
  await app.waitForStep(15);
  await app.pause();
  const valLossPlane = await app.number('val-loss-plane');
  const accuracyGauss = await app.number('metric-gauss');

  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await app.button('Export weights').click();
  await expect.poll(() => downloads.length).toBe(2);
  const byName = Object.fromEntries(downloads.map((d) => [d.suggestedFilename(), d]));
  expect(Object.keys(byName).sort()).toEqual(['model.json', 'weights.bin']);

  const modelJson = JSON.parse((await read(byName['model.json']!)).toString('utf8'));
  const weights = await read(byName['weights.bin']!);
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  );
  expect(model.outputNames).toEqual(['gauss', 'plane']);
  expect(model.countParams()).toBe(371);

  // The same validation split the app trained against, rebuilt from its seed.
  const { val } = generateToy2d(DEFAULT_DATA);
  const [gauss, plane] = model.predict(tf.tensor2d(val.x, [val.size, 2])) as tf.Tensor[];
  const mse = (
    await tf.mean(tf.square(tf.sub(plane!.squeeze([1]), tf.tensor1d(val.targets.plane!)))).data()
  )[0]!;
  const accuracy = (
    await tf
      .mean(
        tf.cast(
          tf.equal(tf.argMax(gauss!, -1), tf.tensor1d(val.targets.gauss!, 'int32')),
          'float32',
        ),
      )
      .data()
  )[0]!;
  // The readouts have 4 significant digits; WebGPU and cpu differ in the last float bits.
  expect(Math.abs(mse - valLossPlane) / valLossPlane).toBeLessThan(2e-3);
  expect(accuracy).toBeCloseTo(accuracyGauss, 2);
  expect(app.consoleErrors).toEqual([]);
});
