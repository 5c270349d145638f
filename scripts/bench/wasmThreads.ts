/**
 * npm run bench:threads — what cross-origin isolation buys the wasm backend. Two bench pages
 * side by side in one Chromium, timed alternately on the same workloads (tf.js's bare
 * `minimize` loop, so only the backend differs):
 *   - not isolated (COOP/COEP off): wasm SIMD on one thread, what the app had before;
 *   - isolated, as the app is served: tf.js's threaded wasm build, with the threads tf.js 4.22
 *     allows: half of `navigator.hardwareConcurrency`, at most 8 (one on a two-core machine).
 * Prints samples per second (median of the rounds) and their ratio. Workloads the wasm backend
 * cannot train (the CNN: no Conv2DBackpropFilter kernel) are skipped.
 *
 *   npm run bench:threads -- [--rounds=3] [--workloads=small,wide,cnn] [--target-ms=1500]
 */
import os from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';
import { WORKLOAD_IDS, type WorkloadId } from '../../src/bench/workloads';
import {
  buildBenchPage,
  calibratedSteps,
  closeServer,
  job,
  openBenchPage,
  samplesPerSecond,
  serveBenchPage,
} from './benchPage';
import { commandLine, flag, list, log } from './cli';
import { median } from './report';

const rounds = Number(flag('rounds') ?? 3);
const targetMs = Number(flag('target-ms') ?? 1500);
const workloads = list<WorkloadId>('workloads', WORKLOAD_IDS);

/** Isolation off: values that leave the page in the default (shared) browsing context group. */
const NOT_ISOLATED = {
  'Cross-Origin-Opener-Policy': 'unsafe-none',
  'Cross-Origin-Embedder-Policy': 'unsafe-none',
};

interface Setup {
  label: string;
  page: Page;
  threads: string;
}

const outDir = await buildBenchPage();
const plain = await serveBenchPage(outDir, 4178, NOT_ISOLATED);
const isolated = await serveBenchPage(outDir, 4179);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const open = async (label: string, url: string): Promise<Setup> => {
    const page = await openBenchPage(browser, url, log);
    const probe = await job(page, { kind: 'backend', backend: 'wasm' });
    if (!probe.ok || probe.problem)
      throw new Error(`${label}: wasm failed (${probe.ok ? probe.problem : probe.message})`);
    log(`${label}: wasm, ${probe.adapter}`);
    return { label, page, threads: probe.adapter ?? '?' };
  };
  const setups = [await open('not isolated', plain.url), await open('isolated', isolated.url)];

  const lines = [
    `### wasm threads (\`${commandLine('bench:threads')}\`, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores)`,
    '',
    `| workload | ${setups.map((s) => `${s.label} (${s.threads})`).join(' | ')} | ${setups
      .slice(1)
      .map((s) => `${s.label} / not isolated`)
      .join(' | ')} |`,
    `| --- | ${setups.map(() => '---:').join(' | ')} | ${setups
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  ];
  for (const workload of workloads) {
    const steps = await calibratedSteps(setups[0]!.page, workload, targetMs);
    const rates = setups.map(() => [] as number[]);
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < setups.length; k++) {
        const i = (k + r) % setups.length; // alternate the order: drift spreads over both
        const { rate } = await samplesPerSecond(setups[i]!.page, {
          kind: 'train',
          mode: 'bare',
          workload,
          steps,
        });
        rates[i]!.push(rate);
        log(`  ${workload} ${setups[i]!.label}: ${rate.toFixed(1)} samples/s`);
      }
    const medians = rates.map(median);
    lines.push(
      `| ${workload} (${steps} steps) | ${medians.map((m) => m.toFixed(0)).join(' | ')} | ${medians
        .slice(1)
        .map((m) => `${(m / medians[0]!).toFixed(2)}×`)
        .join(' | ')} |`,
    );
  }
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await Promise.all([closeServer(plain.server), closeServer(isolated.server)]);
}
