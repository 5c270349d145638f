import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { Playground } from './playground';

/**
 * Auto on a machine without a GPU (WebGPU only through SwiftShader): no tournament before the
 * first step, honest readouts, and Pause that is felt at once. Timings are measured in the page
 * and printed; the assertions are generous so a loaded CI machine does not fail them.
 */

/** What to wait for after a click: a readout that is a positive number, or reads `text`. */
type Done = { testId: string; text?: string };

/** Milliseconds from a click on `button` until the readout shows `done` (measured in the page). */
async function timeInPage(page: Page, button: string, done: Done): Promise<number> {
  await page.evaluate(
    ([name, { testId, text }]) => {
      const w = window as unknown as { timed: Promise<number> };
      const reached = () => {
        const shown = document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? '';
        return text === undefined ? Number(shown) > 0 : shown === text;
      };
      w.timed = new Promise((resolve) => {
        const target = [...document.querySelectorAll('button')].find((b) => b.textContent === name);
        target!.addEventListener(
          'click',
          () => {
            const start = performance.now();
            const check = () =>
              reached() ? resolve(performance.now() - start) : requestAnimationFrame(check);
            check();
          },
          { once: true },
        );
      });
    },
    [button, done] as const,
  );
  await page.getByRole('button', { name: button, exact: true }).click();
  return page.evaluate(() => (window as unknown as { timed: Promise<number> }).timed);
}

const FIRST_LOSS: Done = { testId: 'loss-gauss' };
const PAUSED: Done = { testId: 'state', text: 'paused' };

test('from a cold page, Train shows a first loss within seconds, on the backend Auto names', async ({
  page,
}) => {
  const app = new Playground(page);
  await page.goto('/');
  const states = new Set<string>();
  await page.exposeFunction('sawState', (s: string) => void states.add(s));
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="state"]')!;
    new MutationObserver(() =>
      (window as unknown as { sawState: (s: string) => void }).sawState(el.textContent ?? ''),
    ).observe(el, { childList: true, characterData: true, subtree: true });
  });
  // A budget no machine finishes before the Pause below.
  await page.getByRole('spinbutton', { name: 'Steps' }).fill('100000');
  // Pressed as soon as it can be: Auto may still be measuring this design.
  const ms = await timeInPage(page, 'Train', FIRST_LOSS);
  console.log(`first loss ${Math.round(ms)} ms after Train on a cold page`);
  expect(ms).toBeLessThan(10_000);
  // The header names the backend that trains, one Auto measured, never the emulated GPU.
  const timings = app.readout('backend-timings');
  await expect(timings).toBeVisible();
  const measured = Object.fromEntries(
    [...(await timings.textContent())!.matchAll(/(webgpu|webgl|wasm|cpu) ([\d.]+) steps\/s/g)].map(
      (m) => [m[1]!, Number(m[2])],
    ),
  );
  const best = Object.entries(measured).sort((a, b) => b[1] - a[1])[0]![0];
  expect(['wasm', 'cpu']).toContain(best);
  await expect(app.readout('backend')).toHaveText(best);
  // Both GPU backends are SwiftShader here: passed over, with the reason on hover.
  await expect(timings.locator('[title^="software GPU"]')).toHaveText([/webgpu/, /webgl/]);
  await expect(app.readout('eta')).toHaveText(/\d+ (s|min)/);
  expect(states.has('paused')).toBe(false); // busy, never "paused"
  expect([...states]).toContain('training');

  const pause = await timeInPage(page, 'Pause', PAUSED);
  console.log(`Pause settled in ${Math.round(pause)} ms on ${best}`);
  expect(pause).toBeLessThan(3000);

  // A reload remembers what Auto measured for this design: the header says so before Train.
  await page.reload();
  await expect(app.readout('backend-plan')).toContainText(`Auto will use ${best}`);
  expect(app.consoleErrors).toEqual([]);
});

test('a CNN preset trains on wasm under Auto, and a long run says how long before it starts', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open('auto');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('multimnist');
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('multimnist');
  await expect(app.readout('backend-plan')).toContainText('Auto will use wasm', {
    timeout: 60_000,
  });
  // A budget long enough to pass two minutes at any speed this machine measures.
  await page.getByRole('spinbutton', { name: 'Steps' }).fill('20000');
  await expect(app.readout('long-run')).toContainText(/would take about \d+ (min|h)/);
  await app.stepOnce();
  await expect(app.readout('backend')).toHaveText('wasm');
  expect(await app.number('loss-left')).toBeGreaterThan(0);
  expect(app.consoleErrors).toEqual([]);
});

test('Pause settles within a second on WebGPU too', async ({ page }) => {
  const app = new Playground(page);
  await app.open('webgpu');
  await page.getByRole('spinbutton', { name: 'Steps' }).fill('100000');
  await app.button('Train').click();
  await app.waitForStep(30);
  const ms = await timeInPage(page, 'Pause', PAUSED);
  console.log(`Pause settled in ${Math.round(ms)} ms on webgpu (SwiftShader)`);
  expect(ms).toBeLessThan(3000);
});

test('without WebGPU, Auto says why and trains on what it measured', async ({ baseURL }) => {
  const args = CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu').concat(
    '--disable-features=WebGPU',
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args });
  try {
    const page = await browser.newPage();
    const app = new Playground(page);
    await page.goto(baseURL!);
    await app.stepOnce();
    await expect(app.readout('backend')).toHaveText(/wasm|cpu/);
    await expect(app.readout('backend-timings').locator('[title*="no WebGPU"]')).toContainText(
      'webgpu',
    );
  } finally {
    await browser.close();
  }
});
