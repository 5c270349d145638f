/**
 * The main thread while an experiment runs, in headless Chromium: builds and serves the app,
 * runs the Experiment panel's default methods (Equal, MGDA-UB) × `--seeds` × `--steps` on the
 * default example with every chart on screen, and records every long task (> 50 ms) and every
 * moment the experiment moved on (its progress line changed: a run finished, baselines began,
 * the next run started). A long task that begins within `WINDOW_MS` of such a moment may be the
 * experiment's bookkeeping (the driver, saving it, the results table and charts); the others
 * fall between, where only a run trains, and are counted apart.
 *
 * `--by-hand` does the same runs as a person would without the panel (Reset, pick the strategy
 * and seed, Train, wait for the budget), each Train click a "move": what starting a run costs
 * the page whoever starts it.
 * `--verbose` lists every long task with the move it followed.
 *   npx tsx scripts/bench/experimentUi.ts [--seeds=2] [--steps=300] [--by-hand] [--verbose]
 *     [--no-build]
 */
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';
import { flag, has, log } from './cli';

const seeds = Number(flag('seeds') ?? 2);
const steps = Number(flag('steps') ?? 300);
/** How long after the experiment moves on its own work may still run (React commits, charts). */
const WINDOW_MS = 500;

/** Installed before the app's scripts; source text so that no compiled helper enters the page. */
const INSTRUMENT = `
  const probe = { longTasks: [], moves: [], labels: [] };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // The line changes at every step; the experiment moved on when its run or phase changed.
  let last = '';
  const attach = () => {
    const line = document.querySelector('[data-testid="experiment-progress"]');
    if (!line) return void setTimeout(attach, 50);
    const watch = () => {
      const text = line.textContent;
      const key = text.split(' — ')[0] + (text.includes('(baselines)') ? ' baselines' : '');
      if (key !== last) {
        probe.moves.push(performance.now());
        probe.labels.push(key);
      }
      last = key;
    };
    watch();
    new MutationObserver(watch).observe(line, { subtree: true, childList: true, characterData: true });
  };
  attach();
`;

if (!has('no-build')) await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port: 4176, strictPort: true } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  await page.addInitScript(INSTRUMENT);
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
  const started = await page.evaluate(() => performance.now());
  if (has('by-hand')) {
    page.on('dialog', (d) => void d.accept());
    await page.getByRole('spinbutton', { name: 'Steps', exact: true }).fill(String(steps));
    const firstSeed = Number(
      await page.getByRole('spinbutton', { name: 'Seed', exact: true }).inputValue(),
    );
    for (let seed = 0; seed < seeds; seed++)
      for (const strategy of ['equal', 'mgda']) {
        const reset = page.getByRole('button', { name: 'Reset' });
        if (await reset.isEnabled()) await reset.click();
        await page.getByRole('combobox', { name: 'Weighting strategy' }).selectOption(strategy);
        await page
          .getByRole('spinbutton', { name: 'Seed', exact: true })
          .fill(String(firstSeed + seed));
        await page.evaluate(() =>
          (globalThis as unknown as { __probe: { moves: number[] } }).__probe.moves.push(
            performance.now(),
          ),
        );
        await page.getByRole('button', { name: 'Train', exact: true }).click();
        await page.getByTestId('step').getByText(String(steps), { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
      }
  } else {
    const panel = page.getByRole('region', { name: 'Experiment' });
    await panel.getByRole('spinbutton', { name: 'Repeats' }).fill(String(seeds));
    await panel.getByRole('spinbutton', { name: 'Budget per run' }).fill(String(steps));
    await panel.getByRole('button', { name: 'Run experiment' }).click();
    await page
      .getByTestId('experiment-progress')
      .filter({ hasText: /^Done/ })
      .waitFor({ timeout: 3_600_000 });
  }
  // The last results and charts draw after the progress line says Done.
  await page.waitForTimeout(2 * WINDOW_MS);
  const { longTasks, moves, labels } = await page.evaluate(
    () =>
      (
        globalThis as unknown as {
          __probe: { longTasks: number[][]; moves: number[]; labels: string[] };
        }
      ).__probe,
  );
  if (has('verbose'))
    for (const [start, duration] of longTasks.filter(([t]) => t! >= started)) {
      const k = moves.reduce((found, m, i) => (m - 50 <= start! ? i : found), -1);
      log(
        `  ${duration!.toFixed(0)} ms, ${(start! - (moves[k] ?? started)).toFixed(0)} ms after "${labels[k] ?? 'start'}"`,
      );
    }
  const during = longTasks.filter(([start]) => start! >= started);
  const nearMove = (start: number) => moves.some((m) => start >= m - 50 && start <= m + WINDOW_MS);
  const bookkeeping = during.filter(([start]) => nearMove(start!)).map(([, d]) => d!);
  const between = during.filter(([start]) => !nearMove(start!)).map(([, d]) => d!);
  const seconds = ((moves.at(-1) ?? started) - started) / 1000;
  const longest = (ds: number[]) => (ds.length ? `${Math.max(...ds).toFixed(0)} ms` : '–');
  const backend = await page.getByTestId('backend').textContent();
  console.log(
    [
      `${has('by-hand') ? 'By hand, the runs of an experiment' : 'Experiment'} of 2 methods × ${seeds} seeds × ${steps} steps on the default example, backend ${backend}, ${seconds.toFixed(0)} s, ${moves.length} moves:`,
      '',
      '| long tasks (> 50 ms) | count | longest |',
      '| --- | ---: | ---: |',
      `| within ${WINDOW_MS} ms after a move | ${bookkeeping.length} | ${longest(bookkeeping)} |`,
      `| elsewhere while it ran | ${between.length} | ${longest(between)} |`,
    ].join('\n'),
  );
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
