/**
 * Screenshots of the builder for a human to look at (needs `npm run preview` on port 4173):
 *   npx tsx scripts/shots-builder.ts [out-dir]
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

const out = process.argv[2] ?? '.shots';
const url = process.env.APP_URL ?? 'http://127.0.0.1:4173';
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log(`[${m.type()}] ${m.text()}`));
await page.goto(url);
await page.getByTestId('backend').filter({ hasNotText: '…' }).waitFor();
await page.getByRole('group', { name: 'Shared encoder' }).getByRole('button').first().click();
await page.screenshot({ path: `${out}/10-builder.png` });
for (const preset of ['mmoe', 'cnn', 'attention']) {
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
  await page.screenshot({ path: `${out}/11-${preset}.png`, fullPage: true });
}
await browser.close();
