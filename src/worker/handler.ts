import * as tf from '@tensorflow/tfjs';
import { restoreWeights } from '../io/restoreWeights';
import { BackendChooser } from './backendChooser';
import type { BackendMemory } from './backendMemory';
import { deviceLostWithin } from './backends';
import { type BackendChoice, type BackendName, type RunDesign, type ToWorker } from './protocol';
import { applyConfig, assertValidDesign, createRun, disposeRun, type Run } from './run';
import { fetchFromOrigin, type FetchAsset } from './assets';
import { DataService } from './dataService';
import type { Dataset } from '../data/dataset';
import { BaselineRunner } from './baselines';
import { postConfusion, postWeights } from './runOutputs';
import { insightsDue, postInsights, postSteps, postValidation } from './runReports';
import { isFatal, messageOf, nextChunkSize, validationAllowed } from './stepPolicy';
import { LandscapeRunner } from './landscape';
import { yieldToEventLoop } from './yieldToEventLoop';
import { isStageEnd, stepsToStageEnd } from '../train/continual/stages';
import type { StepLosses } from '../train/trainer';

export type { Post } from './protocol';
import type { Post } from './protocol';

export interface HandlerOptions {
  /** How long one batch of steps should take before its metrics are posted. */
  targetChunkMs: number;
  /** Largest number of steps enqueued before one readback. */
  maxChunk: number;
  /**
   * Longest a chunk may take and still have the next chunk queued before its report comes back.
   * Pipelining hides a GPU's readback latency, which matters only for quick chunks; once steps
   * are slow it would double the work in flight, and a Pause waits for all of it.
   */
  pipelineUpToMs: number;
  now: () => number;
  /** Reads a file the app serves (MNIST digits). */
  fetchAsset: FetchAsset;
  /** Runs before every training step of the loop: test builds inject faults through it. */
  beforeStep: () => void;
  /**
   * Least time between two computations of the costly views (gradient cosines, decision maps)
   * while training; validation losses still come every `evalEvery` steps, and a stopped run
   * always gets its views.
   */
  viewsEveryMs: number;
  /**
   * Most of the training time validation may take: a validation that falls due (every
   * `evalEvery` steps) is skipped while the last one's cost would exceed this share. Only the
   * validation losses and metrics count (the costly views have `viewsEveryMs`). A stopped run is
   * always validated at its last step.
   */
  validationShare: number;
  /** Most of the training time the why views (saliency, PCA, gates…) may take while it trains. */
  insightShare: number;
  /** Where Auto keeps its backend picks (absent: IndexedDB where there is one). */
  backendMemory?: BackendMemory;
}

const DEFAULT_OPTIONS: HandlerOptions = {
  // 25 metrics messages a second, so the charts can move 20+ times a second where the browser
  // draws that fast. 100 ms gave 10; the wasm app/bare ratio stayed ~1.0 at both (BENCHMARKS.md).
  targetChunkMs: 40,
  maxChunk: 64,
  pipelineUpToMs: 250,
  now: () => performance.now(),
  fetchAsset: fetchFromOrigin('/'),
  beforeStep: () => undefined,
  viewsEveryMs: 500,
  validationShare: 0.05,
  insightShare: 0.04,
};

/** Steps left in the run's budget (unbounded when it trains until paused). */
const stepsLeft = (run: Run): number => (run.design.config.maxSteps ?? Infinity) - run.trainer.step;
const reachedBudget = (run: Run): boolean => stepsLeft(run) <= 0;
/** A chunk ends where a stage of a task sequence ends, so the stage's validation is at that step. */
const stepsInChunk = (run: Run, chunk: number): number => {
  const { sequence } = run.design.config;
  const left = Math.min(chunk, stepsLeft(run));
  return sequence ? Math.min(left, stepsToStageEnd(run.trainer.step, sequence)) : left;
};
const atStageEnd = (run: Run): boolean => {
  const { sequence } = run.design.config;
  return sequence !== undefined && isStageEnd(run.trainer.step, sequence);
};

/** How long a failed step waits for `device.lost` before calling the failure a plain error. */
const DEVICE_LOST_GRACE_MS = 200;

/**
 * The worker's brain, free of `self` so it runs under Vitest: messages are handled one at a time
 * in order, while a training loop runs beside them and yields at every readback, so λ, learning
 * rate and pause take effect between chunks of steps.
 */
/** One handler per message type, given that message's own type. */
type MessageHandlers = {
  [K in ToWorker['type']]: (message: Extract<ToWorker, { type: K }>) => Promise<void> | void;
};

export class WorkerHandler {
  private run: Run | null = null;
  private loop: Promise<void> | null = null;
  private stopRequested = false;
  /** A fatal error was reported: the worker is about to be replaced, one report is enough. */
  private fatalPosted = false;
  private queue: Promise<void> = Promise.resolve();
  private interludes: (() => Promise<void>)[] = [];
  private readonly options: HandlerOptions;
  private readonly landscape: LandscapeRunner;
  private readonly data: DataService;
  private readonly baselines: BaselineRunner;
  private readonly backend: BackendChooser;

  constructor(
    private readonly post: Post,
    options: Partial<HandlerOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.landscape = new LandscapeRunner(post);
    this.data = new DataService(post, this.options.fetchAsset, this.options.now);
    this.baselines = new BaselineRunner(post, (spec) => this.data.dataset(spec));
    this.backend = new BackendChooser(
      post,
      this.options.now,
      (reason) => this.postFatal(reason),
      this.options.backendMemory,
    );
  }

  /** Queues a message; the promise settles when it has been handled (not when a run ends). */
  handle(message: ToWorker): Promise<void> {
    this.queue = this.queue.then(() =>
      this.dispatch(message).catch((e: unknown) =>
        this.fail(e, 'runId' in message ? message.runId : undefined),
      ),
    );
    return this.queue;
  }

  /** Resolves when the training loop, if any, has stopped. */
  async idle(): Promise<void> {
    await this.queue;
    await this.loop;
  }

  /**
   * What each message does: one entry per message type (a missing one is a type error). Entries
   * that start long work without awaiting it let other messages through meanwhile.
   */
  private readonly handlers: MessageHandlers = {
    selectBackend: (m) => this.switchBackend(m.choice),
    planBackend: (m) => this.planBackend(m.design),
    train: (m) => this.train(m.runId, m.design),
    step: (m) => this.step(m.runId, m.design),
    pause: async (m) => {
      if (this.run?.id === m.runId) await this.stopLoop();
    },
    reset: async () => {
      this.baselines.cancel();
      await this.stopLoop();
      this.dropRun();
      this.post({ type: 'resetDone' });
    },
    setLambdas: (m) => {
      if (this.run?.id !== m.runId) return;
      this.run.trainer.setLambdas(m.lambdas);
      this.post({ type: 'lambdas', runId: m.runId, lambdas: this.run.trainer.sliderLambdas });
    },
    setWeighting: (m) => {
      if (this.run?.id !== m.runId) return;
      this.run.trainer.setWeighting(m.weighting);
      this.run.design = {
        ...this.run.design,
        config: { ...this.run.design.config, weighting: m.weighting },
      };
    },
    setBlocks: (m) => {
      if (this.run?.id !== m.runId) return;
      this.run.trainer.setBlocks(m.blocks);
      this.run.design = {
        ...this.run.design,
        config: { ...this.run.design.config, blocks: m.blocks },
      };
    },
    setLearningRate: (m) => {
      if (this.run?.id === m.runId) this.run.trainer.setLearningRate(m.learningRate);
    },
    setBatchSize: (m) => {
      if (this.run?.id === m.runId) this.run.trainer.setBatchSize(m.batchSize);
    },
    export: (m) => this.exportRun(m.runId),
    checkpoint: (m) => this.checkpoint(m.runId),
    baselines: async (m) => {
      // A loop that reached its budget is only settling (posting its last validation): the
      // baselines an experiment asks for right then wait for it, as a Train would.
      const settling = this.stopRequested || (this.run !== null && reachedBudget(this.run));
      if (this.loop && !settling) throw new Error('Pause training before running baselines');
      await this.loop;
      // Not awaited: baselines train slice by slice while other messages are handled.
      void this.baselines.run(m.runId, m.design, m.steps);
    },
    restore: (m) => this.restore(m),
    // Not awaited: a large file parses beside training, yielding at every slice.
    loadCsv: (m) => void this.data.loadCsv(m.requestId, m.file, m.name),
    preview: (m) => this.data.preview(m.requestId, m.data),
    watchConfusion: async (m) => {
      if (this.run?.id !== m.runId) return;
      this.run.confusionTask = m.task;
      if (m.task === null) return;
      const run = this.run;
      await this.betweenChunks(() =>
        this.run === run ? postConfusion(run, this.post) : Promise.resolve(),
      );
    },
    watchInsights: async (m) => {
      if (this.run?.id !== m.runId) return;
      this.run.insights = m.request;
      const run = this.run;
      await this.betweenChunks(() =>
        this.run === run ? postInsights(run, this.post, this.options.now) : Promise.resolve(),
      );
    },
    injectFault: () => {
      throw new Error('Fault injection is only part of test builds');
    },
    // Not awaited: the toy runs beside training and other messages, slice by slice.
    landscape: (m) => void this.landscape.run(m.requestId, m.strategies, m.starts, m.cagradC),
  };

  private async dispatch(message: ToWorker): Promise<void> {
    const handler = this.handlers[message.type] as (m: ToWorker) => Promise<void> | void;
    await handler(message);
  }

  private async switchBackend(choice: BackendChoice): Promise<void> {
    if (this.run)
      throw new Error(
        'Reset the run before switching backend: its weights live on the current one.',
      );
    await this.backend.select(choice);
  }

  /**
   * What Auto will train the design on. Measured now when unknown and nothing else trains, so
   * the header can tell before Train is pressed and the first run of the design starts at once.
   */
  private async planBackend(design: RunDesign): Promise<void> {
    if (this.run || this.baselines.busy) return this.backend.plan(design, null);
    let dataset: Dataset | null = null;
    try {
      assertValidDesign(design);
      dataset = await this.data.dataset(design.data);
    } catch {
      // A design that cannot train yet: nothing to measure; its errors show where it is edited.
    }
    await this.backend.plan(design, dataset);
  }

  /** The run with this id, built from the design when it does not exist yet. */
  private async ensureRun(runId: string, design: RunDesign): Promise<Run> {
    if (this.run?.id === runId) {
      applyConfig(this.run, design.config);
      return this.run;
    }
    await this.stopLoop();
    this.dropRun();
    // Before the data is built: an absurd dataset size would otherwise be generated first.
    assertValidDesign(design);
    const dataset = await this.data.dataset(design.data);
    await this.backend.prepare(design, dataset);
    const run = createRun(runId, design, dataset);
    this.run = run;
    this.post({
      type: 'runBuilt',
      runId,
      tasks: design.spec.tasks.map((t) => t.name),
      params: run.model.countParams(),
      backend: tf.getBackend() as BackendName,
    });
    return run;
  }

  private async train(runId: string, design: RunDesign): Promise<void> {
    // One thing trains at a time: the baselines would otherwise halve the run's speed unseen.
    if (this.baselines.busy) throw new Error('Baselines are training: wait for them, or Reset');
    const run = await this.ensureRun(runId, design);
    if (!(await this.loopSettled())) return;
    if (reachedBudget(run)) {
      this.post({ type: 'status', runId, state: 'done', step: run.trainer.step });
      return;
    }
    this.stopRequested = false;
    this.loop = this.trainLoop(run).finally(() => {
      this.loop = null;
      void this.runInterludes(); // work queued while the loop was winding down
    });
  }

  private async step(runId: string, design: RunDesign): Promise<void> {
    const run = await this.ensureRun(runId, design);
    if (!(await this.loopSettled())) return;
    const started = this.options.now();
    await run.trainer.trainStep();
    postSteps(run, await run.trainer.flush(), this.options.now() - started, this.post);
    await postValidation(run, this.post, this.options.now, true);
    this.post({ type: 'status', runId, state: 'paused', step: run.trainer.step });
  }

  /**
   * Trains chunk after chunk until stopped. A chunk's losses travel back while the next chunk
   * trains, so the device never idles waiting for a readback (on a GPU, `data()` is a round trip):
   * the loop waits for a chunk's report only once the next chunk is queued — or before validation
   * and interludes, which must see every step reported. A divergence is so found one chunk late;
   * the steps after it are never posted. Once a chunk takes longer than `pipelineUpToMs`, each
   * chunk's report is awaited before the next is queued: a Pause then waits for one step at most.
   */
  private async trainLoop(run: Run): Promise<void> {
    const { config } = run.design;
    this.post({ type: 'status', runId: run.id, state: 'running', step: run.trainer.step });
    let chunk = 1;
    let reportedAt = this.options.now();
    let lastChunkMs = 0;
    const report = async (
      losses: Promise<StepLosses[]>,
      previous: Promise<boolean>,
      started: number,
    ): Promise<boolean> => {
      const healthy = await previous;
      const steps = await losses;
      if (!healthy) return false;
      // The time this chunk held the pipeline: from its start, or from the previous report.
      const now = this.options.now();
      const ms = now - Math.max(started, reportedAt);
      reportedAt = now;
      // From its first step to its report, overlap included: whether chunks are slow at all.
      lastChunkMs = now - started;
      chunk = nextChunkSize(steps.length, ms, this.options.targetChunkMs, this.options.maxChunk);
      return postSteps(run, steps, ms, this.post);
    };
    let reported: Promise<boolean> = Promise.resolve(true);
    try {
      while (!this.stopRequested && this.run === run && !reachedBudget(run)) {
        const started = this.options.now();
        const count = stepsInChunk(run, chunk);
        let evalDue = false;
        for (let i = 0; i < count; i++) {
          this.options.beforeStep();
          await run.trainer.trainStep();
          if (run.trainer.step % config.evalEvery === 0) evalDue = true;
        }
        const previous = reported;
        reported = report(run.trainer.flush(), previous, started);
        let healthy = await previous;
        // The accuracy matrix of a sequence needs every task's metric where each stage ends.
        const validate = (evalDue && this.validationAllowed(run)) || atStageEnd(run);
        const slow = lastChunkMs > this.options.pipelineUpToMs;
        if (healthy && (validate || slow || this.interludes.length > 0)) {
          healthy = await reported;
          if (healthy && validate) {
            await postValidation(run, this.post, this.options.now, this.viewsDue(run));
            if (this.insightsDue(run)) await postInsights(run, this.post, this.options.now);
          }
          await this.runInterludes();
        }
        if (!healthy) break;
        await yieldToEventLoop();
      }
      await reported;
    } catch (e) {
      reported.catch(() => undefined); // the same failure, or one that follows from it
      // A step that failed because the GPU went away is the device loss, not an error of its own.
      const lost = await deviceLostWithin(DEVICE_LOST_GRACE_MS);
      if (lost) this.postFatal(lost);
      else this.fail(e, run.id);
    } finally {
      await this.settle(run);
    }
  }

  /**
   * After a loop: the final state at once (a Pause is felt when the steps stop, not when the
   * views are drawn), then validation for the weights the user now holds, then pending work.
   */
  private async settle(run: Run): Promise<void> {
    try {
      if (this.run === run) {
        const step = run.trainer.step;
        this.post({
          type: 'status',
          runId: run.id,
          state: reachedBudget(run) ? 'done' : 'paused',
          step,
        });
        // Diverged weights are not worth validating: their curves would only show NaN. Views
        // skipped at the last validation are computed now: a stopped run shows all of itself.
        if (!run.diverged && (run.lastEvalStep !== step || run.lastViews.step !== step))
          await postValidation(run, this.post, this.options.now, true);
        if (!run.diverged && run.lastInsights.step !== step)
          await postInsights(run, this.post, this.options.now);
      }
    } catch (e) {
      this.fail(e, run.id);
    }
    await this.runInterludes();
  }

  private async exportRun(runId: string): Promise<void> {
    const run = this.run;
    if (!run || run.id !== runId)
      throw new Error('There is no trained model to export yet: press Train or Step first.');
    await this.betweenChunks(() => postWeights(run, 'exported', this.post));
  }

  private async checkpoint(runId: string): Promise<void> {
    const run = this.run;
    if (run?.id !== runId) return; // the run is gone: nothing to keep
    if (run.diverged) return; // NaN weights must never replace the last good checkpoint
    await this.betweenChunks(() => postWeights(run, 'checkpoint', this.post));
  }

  private async restore(message: Extract<ToWorker, { type: 'restore' }>): Promise<void> {
    const { runId, design, step, checkpoint } = message;
    await this.stopLoop();
    this.dropRun();
    const run = await this.ensureRun(runId, design);
    // Without weights the run starts over: its curves stay, the model does not.
    if (checkpoint) {
      await restoreWeights(run.model, design.spec, checkpoint);
      run.trainer.resumeAt(step);
    }
    // Validation of the restored weights: an imported model's metrics, a saved run's last point.
    await postValidation(run, this.post, this.options.now, true);
    this.post({ type: 'status', runId, state: 'paused', step: run.trainer.step });
  }

  private validationAllowed(run: Run): boolean {
    return validationAllowed(this.options.now(), run.lastValidation, this.options.validationShare);
  }

  /** The why views while training: within their share of the time (see insightsDue). */
  private insightsDue(run: Run): boolean {
    const { now, viewsEveryMs, insightShare } = this.options;
    return insightsDue(run, now(), viewsEveryMs, insightShare);
  }

  /** Views while training: when `viewsEveryMs` has passed since the last ones. */
  private viewsDue(run: Run): boolean {
    return this.options.now() - run.lastViews.at >= this.options.viewsEveryMs;
  }

  /** Runs `work` now when idle, else between two chunks so it sees one consistent set of weights. */
  private betweenChunks(work: () => Promise<void>): Promise<void> {
    if (!this.loop) return work();
    return new Promise((resolve, reject) => {
      this.interludes.push(() => work().then(resolve, reject));
    });
  }

  private async runInterludes(): Promise<void> {
    const pending = this.interludes;
    this.interludes = [];
    for (const work of pending) await work().catch(() => undefined);
  }

  /**
   * Whether a Train or Step may go ahead: no loop, or one asked to stop that is still settling
   * (validating where it stopped) — awaited here, so the command runs after it, not lost.
   */
  private async loopSettled(): Promise<boolean> {
    if (this.loop && !this.stopRequested) return false;
    await this.loop;
    return true;
  }

  private async stopLoop(): Promise<void> {
    this.stopRequested = true;
    await this.loop;
  }

  private dropRun(): void {
    if (this.run) disposeRun(this.run);
    this.run = null;
  }

  /** Says once that this worker cannot go on; the UI replaces it. */
  private postFatal(reason: string): void {
    this.stopRequested = true;
    if (this.fatalPosted) return;
    this.fatalPosted = true;
    this.post({ type: 'fatal', reason });
  }

  private fail(e: unknown, runId?: string): void {
    if (isFatal(e)) return this.postFatal(messageOf(e));
    this.post({ type: 'error', ...(runId ? { runId } : {}), message: messageOf(e) });
  }
}
