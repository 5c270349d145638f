/// <reference lib="webworker" />
/**
 * The benchmark's worker: the same module worker, backends and tf.js build as the app's, timing
 * the app's WorkerHandler against tf.js's own training paths on one design.
 */
import '../worker/registerBackends';
import type { Dataset } from '../data/dataset';
import { uploadDataset } from '../data/deviceData';
import { buildModel } from '../model/buildModel';
import { Trainer } from '../train/trainer';
import type { StrategyId } from '../spec/weighting';
import { fetchFromOrigin } from '../worker/assets';
import { tryBackend } from '../worker/backends';
import { DataService } from '../worker/dataService';
import { WorkerHandler } from '../worker/handler';
import type { FromWorker } from '../worker/protocol';
import type { BenchAnswer, BenchJob, Mode } from './benchJobs';
import { bareLoop, fitLoop, timeSteps, type Timing } from './referenceLoops';
import { WORKLOADS, type Workload } from './workloads';

declare const self: DedicatedWorkerGlobalScope;

const fetchAsset = fetchFromOrigin('/');
const data = new DataService(() => undefined, fetchAsset);

/** The app's side of the worker: every message it posts reaches the page, as in the app. */
let runFinished: ((m: FromWorker) => void) | null = null;
/** When the metrics of the run's last step were posted (see appLoop). */
let lastStepAt: { step: number; at: number | null } = { step: -1, at: null };
const handler = new WorkerHandler(
  (message, transfer = []) => {
    self.postMessage({ stream: true, message }, transfer);
    if (message.type === 'metrics' && message.steps.at(-1)?.step === lastStepAt.step)
      lastStepAt.at = performance.now();
    if (message.type === 'error' || (message.type === 'status' && message.state === 'done'))
      runFinished?.(message);
  },
  { fetchAsset },
);
let runCount = 0;
const WARMUP = 2;
/** An interval no benchmark run reaches: validation off. */
const NO_VALIDATION = 1_000_000;

/** How often the page-side slider would send λ while someone drags it. */
const LAMBDA_EVERY_MS = 100;

/**
 * The app's Trainer exactly as the app runs it: the handler's loop with metrics streaming to
 * the page, validation (and decision maps) every `evalEvery` steps, and λ updates arriving.
 */
async function appLoop(w: Workload, steps: number, validate: boolean): Promise<Timing> {
  const runId = `bench-${++runCount}`;
  // Without validation: no step is a multiple of evalEvery, and the loop's last one is skipped.
  const evalEvery = validate ? w.config.evalEvery : NO_VALIDATION;
  const design = { spec: w.spec, data: w.data, config: { ...w.config, evalEvery, maxSteps: null } };
  // Builds the run and compiles its kernels, validation's included: not timed.
  for (let i = 0; i < WARMUP; i++) await handler.handle({ type: 'step', runId, design });
  const finished = new Promise<FromWorker>((resolve) => (runFinished = resolve));
  let flip = false;
  const lambdas = setInterval(() => {
    flip = !flip;
    const value = flip ? 0.9 : 1;
    void handler.handle({
      type: 'setLambdas',
      runId,
      lambdas: Object.fromEntries(w.spec.tasks.map((t) => [t.name, value])),
    });
  }, LAMBDA_EVERY_MS);
  // The run ends on a multiple of evalEvery, so validation comes at the app's own cadence.
  const maxSteps = validate ? Math.ceil((WARMUP + steps) / evalEvery) * evalEvery : WARMUP + steps;
  lastStepAt = { step: maxSteps, at: null };
  const start = performance.now();
  await handler.handle({
    type: 'train',
    runId,
    design: { ...design, config: { ...design.config, maxSteps } },
  });
  const end = await finished;
  // Timed to the last step's metrics: training throughput, with validation at its cadence while
  // training. The validation every run ends with (at the stop) is a one-off whatever the run's
  // length; timed in, it swamped the short measurements of the wide MLP and the CNN.
  const ms = (lastStepAt.at ?? performance.now()) - start;
  clearInterval(lambdas);
  runFinished = null;
  await handler.handle({ type: 'reset' });
  if (end.type === 'error') throw new Error(end.message);
  const timed = maxSteps - WARMUP;
  return { steps: timed, samples: timed * w.config.batchSize, ms };
}

/** The Trainer alone with one weighting strategy, read back every 8 steps as the loop would. */
async function strategyLoop(
  w: Workload,
  dataset: Dataset,
  strategy: StrategyId,
  steps: number,
): Promise<Timing> {
  const model = buildModel(w.spec, w.config.seed);
  const device = uploadDataset(dataset, w.spec);
  const config = { ...w.config, weighting: { ...w.config.weighting, strategy } };
  const trainer = new Trainer(model, w.spec, config, device);
  const train = async (n: number): Promise<number> => {
    for (let i = 1; i <= n; i++) {
      await trainer.trainStep();
      if (i % 8 === 0 || i === n) await trainer.flush();
    }
    return n * w.config.batchSize;
  };
  try {
    return await timeSteps(train, steps);
  } finally {
    trainer.dispose();
    model.dispose();
    device.dispose();
  }
}

async function train(mode: Mode, w: Workload, steps: number): Promise<Timing> {
  if (mode === 'app' || mode === 'stream') return appLoop(w, steps, mode === 'app');
  const dataset = await data.dataset(w.data);
  return mode === 'bare' ? bareLoop(w, dataset, steps) : fitLoop(w, dataset, steps);
}

async function answer(job: BenchJob): Promise<Omit<Extract<BenchAnswer, { ok: true }>, 'id'>> {
  switch (job.kind) {
    case 'backend': {
      // The handler keeps its own notion of the backend: tell it too, so its runs use this one.
      const { problem, adapter } = await tryBackend(job.backend);
      if (problem === null) await handler.handle({ type: 'selectBackend', choice: job.backend });
      return { ok: true, problem, ...(adapter ? { adapter } : {}) };
    }
    case 'train':
      return { ok: true, timing: await train(job.mode, WORKLOADS[job.workload], job.steps) };
    case 'strategy': {
      const w = WORKLOADS[job.workload];
      const dataset = await data.dataset(w.data);
      return { ok: true, timing: await strategyLoop(w, dataset, job.strategy, job.steps) };
    }
  }
}

self.onmessage = async (event: MessageEvent<{ id: number; job: BenchJob }>) => {
  const { id, job } = event.data;
  try {
    self.postMessage({ id, ...(await answer(job)) } satisfies BenchAnswer);
  } catch (e) {
    self.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
};
