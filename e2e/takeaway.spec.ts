import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { Playground } from './playground';

async function download(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), body: await readFile((await file.path())!) };
}

test('design, history, Python code and charts download; an exported model imports back with the same validation loss', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  for (let i = 0; i < 3; i++) await app.stepOnce();

  const design = await download(page, () => app.button('Export design').click());
  expect(design.name).toBe('design.json');
  expect(JSON.parse(design.body.toString())).toMatchObject({
    format: 'mtl-playground-design',
    version: 1,
  });

  const history = await download(page, () => app.button('History CSV').click());
  const lines = history.body.toString().trim().split('\n');
  expect(lines[0]).toBe(
    'step,train_seconds,gauss_train_loss,gauss_lambda,gauss_val_loss,gauss_val_metric,plane_train_loss,plane_lambda,plane_val_loss,plane_val_metric',
  );
  expect(lines).toHaveLength(4);

  const python = await download(page, () => app.button('Python code').click());
  expect(python.name).toBe('mtl_model.py');
  expect(python.body.toString()).toContain('def build_model():');
  expect(python.body.toString()).toContain('LOSS_WEIGHTS = {"gauss": 1.0, "plane": 1.0}');

  const svg = await download(page, () =>
    page.getByRole('button', { name: 'Save Loss per task as SVG' }).click(),
  );
  expect(svg.body.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.body.toString()).toContain('gauss train');
  const png = await download(page, () =>
    page.getByRole('button', { name: 'Save Loss per task as PNG' }).click(),
  );
  expect([...png.body.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

  // Export the weights, start over, and import them: the model is back, as good as it was.
  const valLoss = await app.readout('val-loss-plane').textContent();
  const files: Download[] = [];
  page.on('download', (d) => files.push(d));
  await app.button('Export weights').click();
  await expect.poll(() => files.length).toBe(2);
  const paths = await Promise.all(
    files.map(async (f) => ({ name: f.suggestedFilename(), path: (await f.path())! })),
  );
  await app.button('Reset').click();
  await expect(app.readout('val-loss-plane')).toHaveText('—');
  await page.getByLabel('Import model').setInputFiles(
    await Promise.all(
      paths.map(async (p) => ({
        name: p.name,
        mimeType: 'application/octet-stream',
        buffer: await readFile(p.path),
      })),
    ),
  );
  await expect(app.readout('val-loss-plane')).toHaveText(valLoss!);
  await app.stepOnce(); // and it trains on
  expect(app.consoleErrors).toEqual([]);
});

test('wrong files are refused with the reason, and the design stays', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const error = app.readout('error');
  const model = (json: string, bin: Buffer) => [
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(json) },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: bin },
  ];
  const cases: [() => Promise<void>, RegExp][] = [
    [
      () =>
        page.getByLabel('Import design').setInputFiles({
          name: 'd.json',
          mimeType: 'application/json',
          buffer: Buffer.from('{oops'),
        }),
      /not valid JSON/,
    ],
    [
      () =>
        page.getByLabel('Import design').setInputFiles({
          name: 'd.json',
          mimeType: 'application/json',
          buffer: Buffer.from('{"format":"mtl-playground-design","version":7}'),
        }),
      /version 7/,
    ],
    [
      () => page.getByLabel('Import model').setInputFiles(model('nope', Buffer.alloc(8))),
      /model.json is not valid JSON/,
    ],
    [
      () =>
        page
          .getByLabel('Import model')
          .setInputFiles(model('{"modelTopology":{},"weightsManifest":[]}', Buffer.alloc(8))),
      /not exported by MTL Playground/,
    ],
    [
      () =>
        page
          .getByLabel('Import model')
          .setInputFiles([
            { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{}') },
          ]),
      /both files/,
    ],
  ];
  for (const [act, message] of cases) {
    await act();
    await expect(error).toContainText(message);
    await expect(app.readout('lambda-gauss')).toBeVisible();
    await error.getByRole('button', { name: 'Dismiss' }).click();
  }
});
