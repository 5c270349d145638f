import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadExportedModel } from '../io/exportModel';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import { useCpuBackend } from '../testing/tfCpu';
import { WorkerHandler } from './handler';
import { nextChunkSize, validationAllowed } from './stepPolicy';
import type { FromWorker, RunDesign } from './protocol';
import { until, workerHarness } from '../testing/workerHarness';

beforeAll(useCpuBackend);

const design = (config: Partial<RunDesign['config']> = {}): RunDesign => ({
  spec: DEFAULT_MODEL,
  config: { ...DEFAULT_TRAIN, ...config },
  data: DEFAULT_DATA,
});

const harness = () => workerHarness();

describe('WorkerHandler', () => {
  it('reports the backend it actually got', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    expect(of('backend')[0]).toMatchObject({ backend: 'cpu', requested: 'cpu' });
    expect(of('backend')[0]!.fallbackReason).toBeUndefined();
  });

  it('trains to its step budget, streaming batched metrics, validation and a final state', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await handler.handle({
      type: 'train',
      runId: 'r1',
      design: design({ maxSteps: 60, evalEvery: 20 }),
    });
    await handler.idle();
    expect(of('runBuilt')[0]).toMatchObject({
      runId: 'r1',
      tasks: ['gauss', 'plane'],
      params: 371,
      backend: 'cpu',
    });
    const steps = of('metrics').flatMap((m) => m.steps.map((s) => s.step));
    expect(steps).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(of('metrics').length).toBeLessThan(60); // readbacks are batched
    // Each chunk tells what tf.js holds; after the first, the count stays put (nothing leaks).
    const memory = of('metrics').map((m) => m.memory!.tensors);
    expect(new Set(memory.slice(1)).size).toBe(1);
    expect(of('validation').at(-1)!.evaluation.step).toBe(60);
    expect(of('status').map((s) => s.state)).toEqual(['running', 'done']);
  });

  it('trains baselines asked for the moment a run reports its budget reached (an experiment)', async () => {
    const messages: FromWorker[] = [];
    const d = design({ maxSteps: 20, evalEvery: 10 });
    const handler: WorkerHandler = new WorkerHandler(
      (m) => {
        messages.push(m);
        // The UI asks while the loop is still settling (its last validation is on the way).
        if (m.type === 'status' && m.state === 'done')
          void handler.handle({ type: 'baselines', runId: 'r1', design: d, steps: 5 });
      },
      { targetChunkMs: 20 },
    );
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await handler.handle({ type: 'train', runId: 'r1', design: d });
    await until(() => messages.some((m) => m.type === 'baselines' || m.type === 'error'));
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const baselines = messages.find((m) => m.type === 'baselines');
    expect(baselines).toMatchObject({ runId: 'r1', steps: 5 });
  });

  it('trains the next chunk while a chunk is read back, and reports every step in order', async () => {
    // Each readback is held until the step after it has begun (or the budget is spent): a loop
    // that queues the next chunk before awaiting a readback goes on; one that awaits every
    // readback before queuing more waits forever, and the test times out. No clock decides.
    const maxSteps = 200;
    let queued = 0; // steps started so far
    const held: { after: number; release: () => void }[] = [];
    const releaseDue = () => {
      for (const h of held.filter((h) => queued > h.after || queued >= maxSteps)) {
        held.splice(held.indexOf(h), 1);
        h.release();
      }
    };
    const queuedAtPost: number[] = [];
    const lastPosted: number[] = [];
    const handler = new WorkerHandler(
      (m) => {
        if (m.type !== 'metrics') return;
        queuedAtPost.push(queued);
        lastPosted.push(m.steps.at(-1)!.step);
      },
      {
        targetChunkMs: 20,
        // However slow this machine runs, the loop pipelines here (see the test below for slow steps).
        pipelineUpToMs: Infinity,
        beforeStep: () => {
          queued++;
          releaseDue();
        },
      },
    );
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    const read = tf.Tensor.prototype.data;
    const gated = vi.spyOn(tf.Tensor.prototype, 'data').mockImplementation(async function (
      this: tf.Tensor,
    ) {
      const after = queued;
      const values = await read.call(this);
      await new Promise<void>((release) => {
        held.push({ after, release });
        releaseDue();
      });
      return values;
    });
    try {
      await handler.handle({
        type: 'train',
        runId: 'p',
        design: design({ maxSteps, evalEvery: 1000 }),
      });
      await handler.idle();
    } finally {
      gated.mockRestore();
    }
    expect(lastPosted.at(-1)).toBe(maxSteps);
    expect(lastPosted).toEqual([...lastPosted].sort((a, b) => a - b));
    // While chunk k was on its way back, chunk k + 1 was already queued (all but the last chunk).
    const overlapped = lastPosted.slice(0, -1).filter((step, k) => queuedAtPost[k]! > step);
    expect(overlapped.length).toBe(lastPosted.length - 1);
  });

  it('with slow steps, awaits each report before queuing more, so a Pause waits for one step at most', async () => {
    // Each step "takes" 2 s on the handler's clock; each readback takes a few event-loop turns,
    // more than the loop's own yield: a loop that queued ahead would start a step before the
    // previous report is posted.
    let clock = 0;
    let queued = 0;
    const queuedAtPost: number[] = [];
    const lastPosted: number[] = [];
    const read = tf.Tensor.prototype.data;
    const turns = vi.spyOn(tf.Tensor.prototype, 'data').mockImplementation(async function (
      this: tf.Tensor,
    ) {
      const values = await read.call(this);
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      return values;
    });
    const handler = new WorkerHandler(
      (m) => {
        if (m.type !== 'metrics') return;
        queuedAtPost.push(queued);
        lastPosted.push(m.steps.at(-1)!.step);
      },
      {
        now: () => clock,
        beforeStep: () => {
          queued++;
          clock += 2000;
        },
      },
    );
    try {
      await handler.handle({ type: 'selectBackend', choice: 'cpu' });
      await handler.handle({
        type: 'train',
        runId: 's',
        design: design({ maxSteps: 8, evalEvery: 1000 }),
      });
      await handler.idle();
    } finally {
      turns.mockRestore();
    }
    expect(lastPosted.at(-1)).toBe(8);
    // The first chunk's time is unknown while the second is queued; after that, none ahead.
    expect(queuedAtPost.slice(1)).toEqual(lastPosted.slice(1));
  });

  it('computes the costly views (cosines, decision maps) at most every viewsEveryMs, and always where the run stops', async () => {
    // No validation budget here: this is about the views' own limit.
    const { handler, of } = workerHarness({
      targetChunkMs: 20,
      viewsEveryMs: 1e9,
      validationShare: 1,
    });
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await handler.handle({
      type: 'train',
      runId: 'v',
      design: design({ maxSteps: 100, evalEvery: 10 }),
    });
    await handler.idle();
    const validations = of('validation');
    expect(validations.length).toBeGreaterThan(3); // losses still come every evalEvery steps
    const withCosines = validations.filter((v) => v.cosines !== null);
    expect(withCosines.map((v) => v.evaluation.step)).toEqual([
      validations[0]!.evaluation.step,
      100,
    ]);
    expect(of('decisionMaps').map((m) => m.step)).toEqual([validations[0]!.evaluation.step, 100]);
  });

  it('keeps validation within its share of the time, and validates where the run stops', async () => {
    const run = async (validationShare: number) => {
      const { handler, of } = workerHarness({
        targetChunkMs: 5,
        viewsEveryMs: 1e9,
        validationShare,
      });
      await handler.handle({ type: 'selectBackend', choice: 'cpu' });
      await handler.handle({
        type: 'train',
        runId: 'b',
        design: design({ maxSteps: 300, evalEvery: 1 }),
      });
      await handler.idle();
      return of('validation').map((v) => v.evaluation.step);
    };
    const unlimited = await run(1); // every chunk validates
    const budgeted = await run(0.05);
    expect(budgeted.at(-1)).toBe(300);
    expect(budgeted.length).toBeLessThan(unlimited.length / 2);
  });

  it('pauses, steps once, resumes the same run and applies λ between chunks', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    void handler.handle({ type: 'train', runId: 'r', design: design({ maxSteps: 100_000 }) });
    await until(() => of('metrics').length >= 2);
    await handler.handle({ type: 'setLambdas', runId: 'r', lambdas: { gauss: 0, plane: 2 } });
    await until(() => of('metrics').at(-1)!.steps.at(-1)!.weights[0] === 0);
    await handler.handle({ type: 'pause', runId: 'r' });
    const pausedAt = of('status').at(-1)!;
    expect(pausedAt.state).toBe('paused');
    expect(of('validation').at(-1)!.evaluation.step).toBe(pausedAt.step);
    await handler.handle({
      type: 'step',
      runId: 'r',
      design: design({ maxSteps: 100_000, lambdas: { gauss: 0, plane: 2 } }),
    });
    expect(of('error')).toEqual([]);
    expect(of('status').at(-1)!.step).toBe(pausedAt.step + 1);
    expect(of('runBuilt')).toHaveLength(1);
    await handler.handle({ type: 'reset' });
    expect(of('resetDone')).toHaveLength(1);
  });

  it('exports the trained model, also while training, as files tf.js loads', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    void handler.handle({ type: 'train', runId: 'x', design: design({ maxSteps: 100_000 }) });
    await until(() => of('metrics').length >= 2);
    await handler.handle({ type: 'export', runId: 'x' });
    const exported = of('exported')[0]!;
    const model = await loadExportedModel(exported);
    expect(model.outputNames).toEqual(['gauss', 'plane']);
    model.dispose();
    await handler.handle({ type: 'reset' });
  });

  it('answers a bad design or a missing run with an error and keeps working', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    const bad = {
      ...design(),
      spec: {
        ...DEFAULT_MODEL,
        tasks: [{ ...DEFAULT_MODEL.tasks[1]!, name: 'b', outputUnits: 0 }],
      },
    };
    await handler.handle({
      type: 'train',
      runId: 'bad',
      design: { ...bad, config: { ...bad.config, lambdas: { b: 1 } } },
    });
    expect(of('error')[0]).toEqual({
      type: 'error',
      runId: 'bad',
      message: "Task 'b': 0 output units; a head needs at least 1",
    });
    await handler.handle({ type: 'export', runId: 'none' });
    expect(of('error')[1]!.message).toMatch(/no trained model to export/);
    await handler.handle({ type: 'step', runId: 'good', design: design() });
    expect(of('status').at(-1)).toMatchObject({ runId: 'good', state: 'paused', step: 1 });
    await handler.handle({ type: 'reset' });
  });

  it('stops on a non-finite loss and names the task and step', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await handler.handle({
      type: 'train',
      runId: 'nan',
      design: design({ optimizer: 'sgd', learningRate: 10, lambdas: { gauss: 1, plane: 100 } }),
    });
    await handler.idle();
    const [diverged] = of('diverged');
    expect(diverged).toMatchObject({ runId: 'nan', task: expect.stringMatching(/gauss|plane/) });
    expect(Number.isFinite(diverged!.value)).toBe(false);
    // The curves stay clean: every posted step is finite and before the bad one.
    const posted = of('metrics').flatMap((m) => m.steps);
    expect(posted.every((s) => s.step < diverged!.step && s.losses.every(Number.isFinite))).toBe(
      true,
    );
    expect(of('status').at(-1)!.state).toBe('paused');
    // NaN weights never become a checkpoint.
    await handler.handle({ type: 'checkpoint', runId: 'nan' });
    expect(of('checkpoint')).toEqual([]);
    await handler.handle({ type: 'reset' });
  });

  it('reports an allocation failure as fatal, so the UI replaces the worker', async () => {
    let failing = false;
    const messages: FromWorker[] = [];
    const handler = new WorkerHandler((m) => messages.push(m), {
      beforeStep: () => {
        // What the JS engine throws when memory runs out.
        if (failing) throw new RangeError('Array buffer allocation failed');
      },
    });
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await handler.handle({ type: 'step', runId: 'oom', design: design() });
    failing = true;
    await handler.handle({ type: 'train', runId: 'oom', design: design() });
    await handler.idle();
    expect(messages.filter((m) => m.type === 'fatal')).toEqual([
      { type: 'fatal', reason: 'Array buffer allocation failed' },
    ]);
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    await handler.handle({ type: 'reset' });
  });

  it('frees every tensor of a run on reset', async () => {
    const { handler } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    const before = tf.memory().numTensors;
    await handler.handle({ type: 'train', runId: 'm', design: design({ maxSteps: 30 }) });
    await handler.idle();
    await handler.handle({ type: 'reset' });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('validationAllowed', () => {
  it('keeps validation to its share of the time: 19× its cost between two at 5 %', () => {
    const last = { endedAt: 1000, ms: 10 };
    expect(validationAllowed(1189, last, 0.05)).toBe(false);
    expect(validationAllowed(1190, last, 0.05)).toBe(true);
    expect(validationAllowed(0, { endedAt: -Infinity, ms: 0 }, 0.05)).toBe(true); // the first
    expect(validationAllowed(1000, { endedAt: 1000, ms: 0 }, 0.05)).toBe(true); // free ones
  });
});

describe('nextChunkSize', () => {
  it('aims at the target time, at most doubling and never below 1', () => {
    expect(nextChunkSize(1, 1, 100, 64)).toBe(2);
    expect(nextChunkSize(8, 400, 100, 64)).toBe(2);
    expect(nextChunkSize(32, 10, 100, 64)).toBe(64);
    expect(nextChunkSize(4, 10_000, 100, 64)).toBe(1);
  });
});

describe('landscape', () => {
  it('streams each trajectory in slices until done, and a newer request cancels an older one', async () => {
    const { handler, of } = harness();
    await handler.handle({
      type: 'landscape',
      requestId: 1,
      strategies: ['equal'],
      starts: [[1, 1]],
      cagradC: 0.5,
    });
    await handler.handle({
      type: 'landscape',
      requestId: 2,
      strategies: ['mgda', 'cagrad'],
      starts: [[-8.5, -5]],
      cagradC: 0.5,
    });
    const updates = () =>
      of('landscapePaths').flatMap((m) => m.updates.map((u) => ({ ...u, requestId: m.requestId })));
    await until(() => updates().filter((u) => u.requestId === 2 && u.done).length === 2, 60_000);
    const mgda = updates().filter((u) => u.requestId === 2 && u.strategy === 'mgda');
    expect(mgda.flatMap((u) => u.points)).toHaveLength(1000); // 100 000 steps, a point every 100
    const [, x2] = mgda.at(-1)!.points.at(-1)!;
    expect(Math.abs(x2 + 8.3552)).toBeLessThan(0.1); // on the Pareto set
    expect(updates().some((u) => u.requestId === 1 && u.done)).toBe(false);
  });
});
