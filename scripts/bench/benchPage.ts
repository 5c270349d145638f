import { type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import type { BenchAnswer, BenchJob } from '../../src/bench/benchJobs';
import type { WorkloadId } from '../../src/bench/workloads';
import { stepsFor } from './report';

/**
 * Builds the benchmark page (`scripts/bench/index.html`: the app's worker, backends and tf.js
 * build) into its own folder. A built bundle, not the dev server: editing the source while a
 * benchmark runs cannot reload it.
 */
export async function buildBenchPage(): Promise<string> {
  const outDir = 'node_modules/.bench-dist';
  await build({
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: 'scripts/bench/index.html' } },
  });
  return outDir;
}

/** Serves a built bench page with `vite preview` (the app's headers unless `headers` override them). */
export async function serveBenchPage(
  outDir: string,
  port: number,
  headers: Record<string, string> = {},
): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, headers },
  });
  return { server, url: `${server.resolvedUrls!.local[0]!}scripts/bench/index.html` };
}

export const closeServer = (server: PreviewServer) =>
  new Promise<void>((resolve) => server.httpServer.close(() => resolve()));

/** A bench page, loaded and ready for jobs. */
export async function openBenchPage(
  browser: Browser,
  url: string,
  log: (line: string) => void,
): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as { benchReady?: boolean }).benchReady);
  return page;
}

/** Runs one job in the page's bench worker. */
export function job(page: Page, j: BenchJob): Promise<BenchAnswer & { streamed: number }> {
  return page.evaluate(
    (arg) =>
      (
        globalThis as unknown as {
          runBenchJob: (j: BenchJob) => Promise<BenchAnswer & { streamed: number }>;
        }
      ).runBenchJob(arg),
    j,
  );
}

/** Samples per second of one timed job; throws with the worker's message when it failed. */
export async function samplesPerSecond(
  page: Page,
  j: BenchJob,
): Promise<{ rate: number; msPerStep: number }> {
  const answer = await job(page, j);
  if (!answer.ok) throw new Error(answer.message);
  const t = answer.timing!;
  return { rate: (t.samples * 1000) / t.ms, msPerStep: t.ms / t.steps };
}

/** Most steps one measurement takes: tiny models run thousands of steps a second. */
const MAX_STEPS = 5000;

/**
 * Steps of a workload that take about `targetMs` in the bare loop. Three cold steps overstate a
 * step's cost (kernels compile), so a second probe of ~1/10 of the target refines them: with the
 * cold estimate alone, the small model's measurements lasted ~0.6 s and the app's fixed cost at a
 * run's end (its last validation, with decision maps) weighed several percent.
 */
export async function calibratedSteps(
  page: Page,
  workload: WorkloadId,
  targetMs: number,
): Promise<number> {
  const probe = (steps: number) =>
    samplesPerSecond(page, { kind: 'train', mode: 'bare', workload, steps });
  const cold = await probe(3);
  const warm = await probe(stepsFor(cold.msPerStep, targetMs / 10, 3, MAX_STEPS / 10));
  return stepsFor(warm.msPerStep, targetMs, 4, MAX_STEPS);
}
