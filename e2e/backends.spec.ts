import { expect, test } from '@playwright/test';
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
    expect(await app.number('loss-gauss')).toBeGreaterThan(0);
    await expect(picker).toBeDisabled(); // a run's weights live on its backend
    await app.button('Reset').click();
    await expect(picker).toBeEnabled();
  }
  expect(app.consoleErrors).toEqual([]);
});
