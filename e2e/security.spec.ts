import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('a whole session makes no request to another origin and breaks no Content-Security-Policy rule', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  // The context sees the page's requests and its workers' (wasm binaries, MNIST digits).
  page.context().on('request', (r) => requests.push(r.url()));
  const app = new Playground(page);
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain(
    "script-src 'self' 'wasm-unsafe-eval' blob:",
  );
  // Cross-origin isolated, so the wasm backend can run threads; nothing the app loads breaks it.
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  await app.open('auto'); // Auto loads and times every backend, wasm included
  await app.button('Step').click();
  await expect(app.readout('step')).toHaveText('1');
  const downloads = page.waitForEvent('download');
  await app.button('Export weights').click();
  await downloads;
  await app.button('Reset').click();
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('mnist'); // fetches digits
  await expect(page.getByTestId('preview-image').first()).toBeVisible();

  const elsewhere = requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  expect(elsewhere).toEqual([]);
  expect(requests.some((url) => url.endsWith('.wasm'))).toBe(true);
  expect(requests.some((url) => url.includes('mnist'))).toBe(true);
  expect(app.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
});
