/**
 * npm run bench:ui — the main thread as a person feels it. Builds the app, serves it with
 * `vite preview`, and in headless Chromium measures: first contentful paint (median of 5 cold
 * loads), then a run "until paused" on the default example with every chart on screen for
 * `--seconds` (120 by default), recording every long task (PerformanceObserver `longtask`), the
 * frames in which a chart changed, the points each chart line draws, the page's JS heap and array
 * buffers (after a full GC), the worker's tf.js tensors and bytes (the Memory readout) and the origin's storage
 * use, every 10 s. The same page idle is watched first for comparison. Writes its table into
 * docs/BENCHMARKS.md.
 *
 *   npm run bench:ui -- [--seconds=120] [--backend=auto] [--hide-charts | --hide=<css selector>]
 *                       [--chromium=<switch,…>] [--no-build] [--no-write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';
import { commandLine, flag, has, log } from './cli';
import { median, replaceSection } from './report';

const seconds = Number(flag('seconds') ?? 120);
const backend = flag('backend') ?? 'auto';
/** Diagnosis: a CSS selector of things not to display during the run (`--hide-charts`: every chart and map). */
const ALL_CHARTS = '.chart-body, [data-testid^="decision-map-"]';
const hidden = has('hide-charts') ? ALL_CHARTS : flag('hide');
/** Diagnosis: more Chromium switches, comma-separated (`--chromium=--disable-gpu-rasterization`). */
const extraArgs = flag('chromium')?.split(',') ?? [];
/** Seconds the page is watched idle (not training) before the run, as a baseline. */
const IDLE_SECONDS = 5;

/**
 * Installed before the app's scripts: long tasks, and frames in which any chart's DOM changed.
 * Source text, not a function: compiled TypeScript would carry tsx's helpers into the page.
 */
const INSTRUMENT = `
  const probe = { longTasks: [], frames: 0, chartFrames: 0, dirty: false };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  const charts = new MutationObserver(() => (probe.dirty = true));
  const watched = new WeakSet();
  const frame = () => {
    probe.frames++;
    if (probe.dirty) probe.chartFrames++;
    probe.dirty = false;
    for (const el of document.querySelectorAll('[data-testid^="chart-"], [data-testid^="decision-map-"]'))
      if (!watched.has(el)) {
        watched.add(el);
        charts.observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
      }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

interface Probe {
  longTasks: number[];
  frames: number;
  chartFrames: number;
}
const readProbe = (page: Page) =>
  page.evaluate(() => {
    const p = (globalThis as unknown as { __probe: Probe }).__probe;
    return { longTasks: [...p.longTasks], frames: p.frames, chartFrames: p.chartFrames };
  });

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/**
 * The page's memory after a full garbage collection (DevTools' own), in MB: the JS heap, and the
 * array buffers outside it (the run's history columns). `performance.memory` after `gc()` from
 * the page read 2–3 times higher and swung by 10 MB between samples: garbage it did not collect.
 */
async function pageMemory(cdp: CDPSession): Promise<{ heap: number; buffers: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    backingStorageSize?: number;
  };
  return { heap: mb(usage.usedSize), buffers: mb(usage.backingStorageSize ?? 0) };
}

/** What the origin stores (IndexedDB: the saved runs), in MB. */
const storageMB = async (page: Page) =>
  mb(await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0));

/** Points in the longest line each chart draws (one path command per point). */
const pointsPerLine = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const chart of document.querySelectorAll('[data-testid^="chart-"]')) {
      const counts = [...chart.querySelectorAll('path.plot-line, path.recharts-curve')].map(
        (p) => (p.getAttribute('d')?.match(/[ML]/g) ?? []).length,
      );
      out[chart.getAttribute('data-testid')!] = Math.max(0, ...counts);
    }
    return out;
  });

if (!has('no-build')) await build({ logLevel: 'warn' });
const server = await preview({ preview: { host: '127.0.0.1', port: 4175, strictPort: true } });
const url = server.resolvedUrls!.local[0]!;
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, ...extraArgs],
});
try {
  const paints: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext(); // a cold cache each time
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
    paints.push(
      // The paint entry can come after the button exists: wait for it (buffered), up to 10 s.
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            new PerformanceObserver((list) => {
              const fcp = list.getEntriesByName('first-contentful-paint')[0];
              if (fcp) resolve(fcp.startTime);
            }).observe({ type: 'paint', buffered: true });
            setTimeout(() => resolve(Number.NaN), 10_000);
          }),
      ),
    );
    await context.close();
  }
  log(`first contentful paint: ${paints.map((p) => p.toFixed(0)).join(', ')} ms`);

  const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
  await page.addInitScript(INSTRUMENT);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByTestId('backend').filter({ hasNotText: '…' }).waitFor();
  if (backend !== 'auto')
    await page.getByRole('combobox', { name: 'Backend' }).selectOption(backend);
  await page.getByRole('checkbox', { name: 'Until paused' }).check();
  // Diagnosis: the same run with parts not displayed, to tell the cost of drawing each from the
  // cost of training beside the page on this machine's two cores.
  if (hidden) await page.addStyleTag({ content: `${hidden} { display: none !important; }` });
  const cdp = await page.context().newCDPSession(page);
  const memoryStart = await pageMemory(cdp);
  // The same page idle, for comparison: how many frames it gets when nothing trains.
  const idleBefore = await readProbe(page);
  await page.waitForTimeout(IDLE_SECONDS * 1000);
  const idleAfter = await readProbe(page);
  const idleFps = (idleAfter.frames - idleBefore.frames) / IDLE_SECONDS;
  const idleLongTasks = idleAfter.longTasks.length - idleBefore.longTasks.length;
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  // Measurement starts once training runs (Auto's backend measurement happens before).
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="step"]')?.textContent) > 0,
  );
  const before = await readProbe(page);
  const stepBefore = Number(await page.getByTestId('step').textContent());
  const samples: {
    t: number;
    memory: { heap: number; buffers: number };
    step: number;
    tensors: string;
    storageMB: number;
  }[] = [];
  for (let t = 10; t <= seconds; t += 10) {
    await page.waitForTimeout(10_000);
    samples.push({
      t,
      memory: await pageMemory(cdp),
      step: Number(await page.getByTestId('step').textContent()),
      tensors: (await page.getByTestId('tensors').textContent()) ?? '',
      storageMB: await storageMB(page),
    });
    const last = samples.at(-1)!;
    log(
      `  ${t} s: step ${last.step}, heap ${last.memory.heap} MB + buffers ${last.memory.buffers} MB, worker ${last.tensors}, storage ${last.storageMB} MB`,
    );
  }
  const after = await readProbe(page);
  const points = await pointsPerLine(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const runBackend = await page.getByTestId('backend').textContent();
  const longTasks = after.longTasks.slice(before.longTasks.length);
  const steps = samples.at(-1)!.step - stepBefore;
  const section = [
    `### Main thread (\`${commandLine('bench:ui')}\`, ${new Date().toISOString().slice(0, 10)})`,
    `Default example, "Until paused", backend ${runBackend} (${backend}), window 1600×1200 with the loss, λ and interference charts and both decision maps on screen, ${seconds} s of training (${steps} steps).`,
    '',
    '| measure | value | target |',
    '| --- | ---: | --- |',
    `| first contentful paint (median of 5 cold loads, vite preview) | ${median(paints).toFixed(0)} ms | < 1000 ms |`,
    `| long tasks (> 50 ms) during the run | ${longTasks.length} | 0 |`,
    `| longest task during the run | ${longTasks.length ? Math.max(...longTasks).toFixed(0) : '–'} ms | ≤ 50 ms |`,
    `| frames with a chart update, per second | ${((after.chartFrames - before.chartFrames) / seconds).toFixed(1)} | ≥ 20 |`,
    `| animation frames per second | ${((after.frames - before.frames) / seconds).toFixed(1)} | – |`,
    `| the same page idle (not training, ${IDLE_SECONDS} s): frames per second, long tasks | ${idleFps.toFixed(1)}, ${idleLongTasks} | – |`,
    `| points in the longest line of each chart | ${Object.entries(points)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} | ≤ ~2 000 |`,
    `| page JS heap after a full GC: before training → 10 s → end | ${memoryStart.heap} → ${samples[0]?.memory.heap} → ${samples.at(-1)?.memory.heap} MB | flat |`,
    `| page array buffers (the kept history, ~8 bytes per number): before → 10 s → end | ${memoryStart.buffers} → ${samples[0]?.memory.buffers} → ${samples.at(-1)?.memory.buffers} MB | the history's size |`,
    `| worker's tf.js memory: 10 s → end | ${samples[0]?.tensors} → ${samples.at(-1)?.tensors} | flat |`,
    `| origin storage (IndexedDB, saved runs): 10 s → end | ${samples[0]?.storageMB} → ${samples.at(-1)?.storageMB} MB | bounded |`,
    errors.length ? `\nPage errors: ${errors.join(' | ')}` : '',
  ].join('\n');
  console.log(section);
  if (!has('no-write')) {
    const path = 'docs/BENCHMARKS.md';
    writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), section, 'ui'));
    log(`wrote ${path}`);
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
