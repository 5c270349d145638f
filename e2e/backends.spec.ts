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
