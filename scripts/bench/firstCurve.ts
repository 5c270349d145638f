/**
 * The first minute of every preset, as a newcomer meets it: a fresh browser context (no Auto
 * measurement remembered), the preset loaded, Train pressed at once, and the time until the
 * first task's first loss shows. Timed from Playwright's click, whose own checks add a few
 * hundred milliseconds: an upper bound. Serves dist/ (run `vite build` first).
 *   npx tsx scripts/bench/firstCurve.ts
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';
import { PRESETS } from '../../src/design/presets';

const server = await preview({ preview: { host: '127.0.0.1', port: 4179, strictPort: true } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  console.log('| preset | first loss after Train | backend |');
  console.log('| --- | ---: | --- |');
  for (const preset of PRESETS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('http://127.0.0.1:4179');
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset.id);
    const start = Date.now();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.waitForFunction(
      (task) => Number(document.querySelector(`[data-testid="loss-${task}"]`)?.textContent) > 0,
      preset.spec.tasks[0]!.name,
      { timeout: 120_000, polling: 20 },
    );
    const ms = Date.now() - start;
    console.log(
      `| ${preset.id} | ${(ms / 1000).toFixed(1)} s | ${await page.getByTestId('backend').textContent()} |`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
