import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { Playground } from './playground';

test('the Backend picker forces each backend, and each one trains', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const picker = page.getByRole('combobox', { name: 'Backend' });
  for (const backend of ['wasm', 'cpu', 'webgl'] as const) {
    await picker.selectOption(backend);
    await expect(app.readout('backend')).toHaveText(backend);
    // The page is cross-origin isolated: wasm runs tf.js's threaded build (its threads are
    // workers made from Blobs, which failed once bundled until scripts/vite/wasmThreads.ts).
    if (backend === 'wasm')
      await expect(page.locator('.backend')).toContainText(/\(\d+ threads?\)/);
    await app.stepOnce();
    expect(await app.number('loss-circle')).toBeGreaterThan(0);
    await expect(picker).toBeDisabled(); // a run's weights live on its backend
    await app.button('Reset').click();
    await expect(picker).toBeEnabled();
  }
  expect(app.consoleErrors).toEqual([]);
});

test('without a WebGPU adapter, auto falls back to WebGL and says why', async ({ baseURL }) => {
  const args = CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu').concat(
    '--disable-features=WebGPU',
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args });
  try {
    const page = await browser.newPage();
    const app = new Playground(page);
    await page.goto(baseURL!);
    await expect(app.readout('backend')).toHaveText('webgl');
    await expect(page.getByText(/Fell back: webgpu: /)).toBeVisible();
    await app.stepOnce();
  } finally {
    await browser.close();
  }
});

test('Auto measures every backend on the current model and trains on the fastest', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open('auto');
  await app.stepOnce();
  const timings = app.readout('backend-timings');
  await expect(timings).toBeVisible();
  const text = (await timings.textContent())!;
  const measured = Object.fromEntries(
    [...text.matchAll(/(webgpu|webgl|wasm|cpu) ([\d.]+) steps\/s/g)].map((m) => [
      m[1]!,
      Number(m[2]),
    ]),
  );
  // Every backend of this browser was timed on the model itself.
  expect(Object.keys(measured).sort()).toEqual(['cpu', 'wasm', 'webgl', 'webgpu']);
  const best = Object.entries(measured).sort((a, b) => b[1] - a[1])[0]![0];
  await expect(app.readout('backend')).toHaveText(best);
  await expect(timings.locator('.chosen')).toContainText(best);
  console.log(`Auto on this machine: ${text}`);
  // A Reset and a new run of the same design reuse the measurement.
  await app.button('Reset').click();
  await app.stepOnce();
  await expect(app.readout('backend')).toHaveText(best);
});
