/**
 * npm run bench — launches headless Chromium as the e2e tests do and, on every backend that works
 * there, times three workloads three ways in the same run, alternating: the app's Trainer as the
 * app runs it, a bare tf.js `optimizer.minimize` loop (the floor) and tf.js `model.fit`. Then the
 * per-step cost of each weighting strategy relative to Equal. Where python3 imports torch, PyTorch
 * trains the same workloads on the CPU in the same rounds (scripts/bench/pytorch.ts). Prints the
 * tables and writes them into docs/BENCHMARKS.md with the machine.
 *
 *   npm run bench -- [--quick] [--backends=wasm,cpu] [--workloads=small,wide] [--rounds=3]
 *                    [--target-ms=1500] [--strategies=wide] [--no-strategies] [--no-write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';
import type { Mode } from '../../src/bench/benchJobs';
import { MODES } from '../../src/bench/benchJobs';
import { WORKLOADS, WORKLOAD_IDS, type WorkloadId } from '../../src/bench/workloads';
import { STRATEGIES } from '../../src/spec/weighting';
import { BACKENDS, type BackendName } from '../../src/worker/protocol';
import {
  buildBenchPage,
  calibratedSteps,
  closeServer,
  job,
  openBenchPage,
  samplesPerSecond,
  serveBenchPage,
} from './benchPage';
import { commandLine, flag, has, list, log } from './cli';
import { startPytorch } from './pytorch';
import {
  median,
  replaceSection,
  speedTable,
  stepsFor,
  strategyTable,
  type SpeedRow,
  type StrategyRow,
} from './report';

const quick = has('quick');
const backends = list<BackendName>('backends', BACKENDS);
const workloads = list<WorkloadId>('workloads', WORKLOAD_IDS);
const rounds = Number(flag('rounds') ?? (quick ? 1 : 3));
const targetMs = Number(flag('target-ms') ?? (quick ? 600 : 1500));
const strategyWorkload = (flag('strategies') ?? 'wide') as WorkloadId;

/** A row with no rates yet; `skipped` says why it stays that way. */
const unmeasured = (backend: BackendName, workload: WorkloadId, skipped?: string): SpeedRow => ({
  backend,
  workload,
  steps: 0,
  app: NaN,
  stream: NaN,
  bare: NaN,
  fit: NaN,
  pytorch: NaN,
  ...(skipped ? { skipped } : {}),
});

async function measureWorkload(
  page: Page,
  backend: BackendName,
  id: WorkloadId,
): Promise<SpeedRow> {
  const row = unmeasured(backend, id);
  log(`  ${backend} ${id}: calibrating`);
  row.steps = await calibratedSteps(page, id, targetMs);
  const rates: Record<Mode, number[]> = { app: [], stream: [], bare: [], fit: [] };
  const torch: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Rotating the order spreads any drift of the machine over all three modes.
    for (let k = 0; k < MODES.length; k++) {
      const mode = MODES[(k + r) % MODES.length]!;
      const { rate } = await samplesPerSecond(page, {
        kind: 'train',
        mode,
        workload: id,
        steps: row.steps,
      });
      rates[mode].push(rate);
      log(`  ${backend} ${id} ${mode}: ${rate.toFixed(1)} samples/s`);
    }
    if (typeof pytorch !== 'string') {
      torch.push(await pytorch.samplesPerSecond(id, targetMs));
      log(`  ${backend} ${id} PyTorch: ${torch.at(-1)!.toFixed(1)} samples/s`);
    }
  }
  return {
    ...row,
    app: median(rates.app),
    stream: median(rates.stream),
    bare: median(rates.bare),
    fit: median(rates.fit),
    pytorch: median(torch),
  };
}

async function measureStrategies(page: Page, backend: BackendName): Promise<StrategyRow> {
  const w = WORKLOADS[strategyWorkload];
  const equal = await samplesPerSecond(page, {
    kind: 'strategy',
    strategy: 'equal',
    workload: strategyWorkload,
    steps: 3,
  });
  const steps = stepsFor(equal.msPerStep, targetMs / 2, 4, 200);
  const times: Record<string, number[]> = {};
  for (let r = 0; r < Math.max(1, rounds - 1); r++)
    for (const strategy of STRATEGIES) {
      const { msPerStep } = await samplesPerSecond(page, {
        kind: 'strategy',
        strategy,
        workload: strategyWorkload,
        steps,
      });
      (times[strategy] ??= []).push(msPerStep);
      log(`  ${backend} ${strategy}: ${msPerStep.toFixed(2)} ms/step`);
    }
  return {
    backend,
    tasks: w.spec.tasks.length,
    msPerStep: Object.fromEntries(Object.entries(times).map(([s, xs]) => [s, median(xs)])),
  };
}

const outDir = await buildBenchPage();
const { server, url } = await serveBenchPage(outDir, 4176);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const pytorch = startPytorch();
log(typeof pytorch === 'string' ? pytorch : 'PyTorch found: it trains each workload too');
const started = Date.now();
try {
  const page = await openBenchPage(browser, url, log);

  const speed: SpeedRow[] = [];
  const strategies: StrategyRow[] = [];
  const notes: string[] = [];
  for (const backend of backends) {
    const probe = await job(page, { kind: 'backend', backend });
    if (!probe.ok || probe.problem) {
      const why = probe.ok ? probe.problem! : probe.message;
      notes.push(`- ${backend}: not measured (${why})`);
      log(`${backend}: ${why}`);
      continue;
    }
    notes.push(`- ${backend}: works${probe.adapter ? ` (adapter: ${probe.adapter})` : ''}`);
    log(`${backend}${probe.adapter ? ` (${probe.adapter})` : ''}`);
    for (const id of workloads) {
      try {
        speed.push(await measureWorkload(page, backend, id));
      } catch (e) {
        const skipped = e instanceof Error ? e.message.replace(/^.*Error: /, '') : String(e);
        log(`  ${backend} ${id}: ${skipped}`);
        speed.push(unmeasured(backend, id, skipped));
      }
    }
    if (has('no-strategies')) continue;
    try {
      strategies.push(await measureStrategies(page, backend));
    } catch (e) {
      log(`${backend} strategies failed: ${String(e)}`);
    }
  }

  const cpu = os.cpus();
  const machine = [
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
    `- Browser: headless Chromium ${browser.version()} (${CHROMIUM_PATH}), flags as the e2e tests`,
    `- Command: \`${commandLine('bench')}\`, ${rounds} round(s) alternating the four modes, ~${targetMs} ms per measurement; ${new Date().toISOString().slice(0, 10)}, ${Math.round((Date.now() - started) / 1000)} s in all`,
    `- ${typeof pytorch === 'string' ? pytorch : `${pytorch.describe}, same rounds as the app (scripts/bench/pytorch_bench.py)`}`,
    ...notes,
  ].join('\n');
  const workloadList = workloads.map((id) => `- **${id}**: ${WORKLOADS[id].label}`).join('\n');
  const section = [
    '### Machine',
    machine,
    '',
    '### Workloads',
    workloadList,
    '',
    '### Samples per second (median) and ratios',
    speedTable(speed),
    '',
    `### Step cost of each weighting strategy relative to Equal (${strategyWorkload}, T = ${WORKLOADS[strategyWorkload].spec.tasks.length})`,
    strategies.length ? strategyTable(strategies, STRATEGIES) : 'not measured',
  ].join('\n');
  console.log(section);
  if (!has('no-write')) {
    const path = 'docs/BENCHMARKS.md';
    let doc = '# Benchmarks\n';
    try {
      doc = readFileSync(path, 'utf8');
    } catch {
      // first run: the document starts with the generated section
    }
    writeFileSync(path, replaceSection(doc, section));
    log(`wrote ${path}`);
  }
} finally {
  await browser.close();
  await closeServer(server);
  if (typeof pytorch !== 'string') pytorch.close();
}
