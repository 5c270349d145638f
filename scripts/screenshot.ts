/**
 * Takes screenshots of the running app for a human to look at:
 *   npx vite preview --port 4173 &  npx tsx scripts/screenshot.ts [out-dir]
 * It opens the default example, trains for a few seconds, and saves the page before and after.
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
await page.screenshot({ path: `${out}/01-start.png` });
await page.getByRole('button', { name: 'Train' }).click();
await page.waitForTimeout(Number(process.env.TRAIN_MS ?? 15_000));
await page.screenshot({ path: `${out}/02-training.png` });
await page.getByRole('button', { name: 'Pause' }).click();
await page.waitForTimeout(1000);
await page.screenshot({ path: `${out}/03-paused.png`, fullPage: true });
console.log('step', await page.getByTestId('step').textContent());
await browser.close();
