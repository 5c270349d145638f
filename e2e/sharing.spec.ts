import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('the default example shows sharing helps: Δm > 0 over its single-task baselines', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const app = new Playground(page);
  await app.open('auto');
  // One backend, so the figure is the same on every machine (Auto may pick wasm or cpu).
  await app.useBackend('wasm');
  const started = Date.now();
  await app.button('Train').click();
  // The default's whole step budget: Δm is measured where the example was tuned.
  await expect(app.readout('step')).toHaveText('2000', { timeout: 240_000 });
  await expect(app.button('Train')).toBeEnabled();
  await app.button('Run baselines').click();
  await expect(app.readout('delta-m')).toHaveText(/^[+-]?\d+(\.\d+)? %$/, { timeout: 240_000 });
  const gain = Number((await app.readout('delta-m').textContent())!.replace(' %', ''));
  const backend = await app.readout('backend').textContent();
  console.log(`default example: Δm = ${gain} % on ${backend}, ${(Date.now() - started) / 1000} s`);
  expect(gain).toBeGreaterThan(0);
});
