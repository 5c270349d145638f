import { describe, expect, it } from 'vitest';
import {
  applyWorkerMessage,
  GATE_HISTORY,
  INITIAL_RUN_VIEW,
  runViewAt,
  seriesFrom,
  startRunView,
  type RunView,
} from './runView';
import type { FromWorker } from '../../src/worker/protocol';

const running = startRunView(INITIAL_RUN_VIEW, 'r1');

/** The run of one task 'a', built. */
const built = applyWorkerMessage(running, {
  type: 'runBuilt',
  runId: 'r1',
  tasks: ['a'],
  params: 1,
  backend: 'cpu',
});

/** Steps from..from+n-1 of task 'a', each with loss `loss`. */
const metrics = (from: number, n: number, loss: number): FromWorker => ({
  type: 'metrics',
  runId: 'r1',
  steps: Array.from({ length: n }, (_, k) => ({ step: from + k, losses: [loss], weights: [1] })),
  stepsPerSecond: 10,
});

describe('applyWorkerMessage', () => {
  it('appends batched steps per task and tracks the latest step, λ and speed', () => {
    let view = applyWorkerMessage(running, {
      type: 'runBuilt',
      runId: 'r1',
      tasks: ['a', 'b'],
      params: 10,
      backend: 'cpu',
    });
    view = applyWorkerMessage(view, {
      type: 'metrics',
      runId: 'r1',
      steps: [
        { step: 1, losses: [1, 2], weights: [1, 1] },
        { step: 2, losses: [0.5, 1.5], weights: [1, 0.5] },
      ],
      stepsPerSecond: 40,
    });
    view = applyWorkerMessage(view, {
      type: 'metrics',
      runId: 'r1',
      steps: [{ step: 3, losses: [0.25, 1], weights: [1, 0] }],
      stepsPerSecond: 50,
    });
    expect(view.step).toBe(3);
    expect(view.trainLoss).toEqual(
      seriesFrom({
        steps: [1, 2, 3],
        values: [
          [1, 0.5, 0.25],
          [2, 1.5, 1],
        ],
      }),
    );
    expect(view.lambdas).toEqual([1, 0]);
    expect(view.weights).toEqual(
      seriesFrom({
        steps: [1, 2, 3],
        values: [
          [1, 1, 1],
          [1, 0.5, 0],
        ],
      }),
    );
    expect(view.stepsPerSecond).toBe(50);
    expect(view.params).toBe(10);
  });

  it('records each validation once', () => {
    const evaluation = { step: 5, losses: [0.3, 0.4], metrics: [0.9, 0.2] };
    const cosines = [
      [1, -0.5],
      [-0.5, 1],
    ];
    let view = applyWorkerMessage(running, {
      type: 'validation',
      runId: 'r1',
      evaluation,
      cosines,
    });
    view = applyWorkerMessage(view, { type: 'validation', runId: 'r1', evaluation, cosines });
    expect(view.cosines).toEqual({ steps: [5], values: [cosines] });
    expect(view.valLoss).toEqual(seriesFrom({ steps: [5], values: [[0.3], [0.4]] }));
    expect(view.valMetric.values).toEqual([Float64Array.of(0.9), Float64Array.of(0.2)]);
  });

  it('drops late messages of an old run', () => {
    const view = applyWorkerMessage(running, {
      type: 'metrics',
      runId: 'old',
      steps: [{ step: 9, losses: [1], weights: [1] }],
      stepsPerSecond: 1,
    });
    expect(view).toBe(running);
  });

  it('keeps the backend report across runs and shows worker errors', () => {
    let view = applyWorkerMessage(INITIAL_RUN_VIEW, {
      type: 'backend',
      backend: 'wasm',
      requested: 'auto',
      fallbackReason: 'webgpu: no adapter',
    });
    view = startRunView(view, 'r2');
    expect(view.backend).toEqual({
      name: 'wasm',
      requested: 'auto',
      fallbackReason: 'webgpu: no adapter',
    });
    view = applyWorkerMessage(view, { type: 'error', message: 'boom' });
    expect(view.workerError).toBe('boom');
  });
});

describe('history kept in columns', () => {
  it('leaves every earlier state as it was while the run grows', () => {
    const first = applyWorkerMessage(built, metrics(1, 3, 1));
    const second = applyWorkerMessage(first, metrics(4, 2, 2));
    expect(Array.from(first.trainLoss.steps)).toEqual([1, 2, 3]);
    expect(Array.from(second.trainLoss.steps)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(second.trainLoss.values[0]!)).toEqual([1, 1, 1, 2, 2]);
    expect(first.trainTime.length).toBe(3);
    expect(INITIAL_RUN_VIEW.trainLoss.steps.length).toBe(0);
  });

  it('a rolled-back run trains on without changing the curves it was cut from', () => {
    const before = applyWorkerMessage(built, metrics(1, 6, 1));
    const rolledBack = runViewAt(before, 3);
    const after = applyWorkerMessage(rolledBack, metrics(4, 3, 9));
    expect(Array.from(after.trainLoss.values[0]!)).toEqual([1, 1, 1, 9, 9, 9]);
    expect(Array.from(before.trainLoss.values[0]!)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(Array.from(rolledBack.trainLoss.steps)).toEqual([1, 2, 3]);
  });
});

describe('run phase', () => {
  it('says what the worker is busy with, and never "paused" while it starts a run', () => {
    const start: RunView = { ...startRunView(INITIAL_RUN_VIEW, 'r1'), phase: 'starting' };
    const seen: string[] = [];
    let view = start;
    const apply = (m: FromWorker) => {
      view = applyWorkerMessage(view, m);
      seen.push(view.phase);
    };
    apply({ type: 'measuringBackends' });
    apply({ type: 'backend', backend: 'wasm', requested: 'auto' });
    apply({ type: 'runBuilt', runId: 'r1', tasks: ['a'], params: 1, backend: 'wasm' });
    apply({ type: 'status', runId: 'r1', state: 'running', step: 0 });
    apply(metrics(1, 3, 0.5));
    view = { ...view, phase: 'pausing' };
    apply(metrics(4, 1, 0.5));
    apply({ type: 'status', runId: 'r1', state: 'paused', step: 4 });
    expect(seen).toEqual([
      'choosing backend',
      'choosing backend',
      'compiling',
      'compiling',
      'training',
      'pausing',
      'paused',
    ]);
    // A run that could not start (a design the worker refused) is not left "starting".
    expect(applyWorkerMessage(start, { type: 'error', runId: 'r1', message: 'no' }).phase).toBe(
      'idle',
    );
  });

  it("keeps Auto's plans by design shape", () => {
    const pick = { backend: 'wasm' as const, timings: [] };
    const view = applyWorkerMessage(INITIAL_RUN_VIEW, { type: 'backendPlan', key: 'k', pick });
    expect(view.backendPlans).toEqual({ k: pick });
    expect(startRunView(view, 'r2').backendPlans).toEqual({ k: pick });
  });
});

describe('gate history', () => {
  const gatesAt = (step: number, w: number): FromWorker => ({
    type: 'insights',
    runId: 'r1',
    step,
    insights: {
      gates: [
        { title: 'Gates', columns: ['e1', 'e2'], rows: [{ label: 'a', values: [w, 1 - w] }] },
      ],
    },
  });

  it('keeps every gates view in step order, thinned past its limit to span the whole run', () => {
    let view = built;
    for (let step = 1; step <= GATE_HISTORY + 1; step++)
      view = applyWorkerMessage(view, gatesAt(step, step / 1000));
    expect(view.insights!.step).toBe(GATE_HISTORY + 1);
    expect(view.gateHistory.length).toBeLessThanOrEqual(GATE_HISTORY);
    expect(view.gateHistory[0]!.step).toBeLessThanOrEqual(2);
    expect(view.gateHistory.at(-1)!.step).toBe(GATE_HISTORY + 1);
    expect(view.gateHistory.at(-1)!.values[0]![0]![0]).toBe((GATE_HISTORY + 1) / 1000);
    const steps = view.gateHistory.map((g) => g.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
  });

  it('goes back with the run: a rollback drops what came after its step', () => {
    let view = applyWorkerMessage(built, metrics(1, 30, 1));
    for (const step of [10, 20, 30]) view = applyWorkerMessage(view, gatesAt(step, 0.5));
    const back = runViewAt(view, 20);
    expect(back.gateHistory.map((g) => g.step)).toEqual([10, 20]);
    expect(back.insights).toBeNull();
    // Views computed again at step 20 after the rollback replace the old ones.
    const again = applyWorkerMessage(back, gatesAt(20, 0.7));
    expect(again.gateHistory.map((g) => [g.step, g.values[0]![0]![0]])).toEqual([
      [10, 0.5],
      [20, 0.7],
    ]);
  });
});
