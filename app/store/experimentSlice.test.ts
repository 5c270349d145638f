import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_WEIGHTING } from '../../src/spec/weighting';
import type { ToWorker } from '../../src/worker/protocol';
import { storeWithHistory } from '../testing/storeWithHistory';
import { driveExperiments } from './experimentDriver';
import { recordRuns } from './runRecorder';
import type { RunLocks } from '../history/runLocks';

const methods = [
  { label: 'Equal', weighting: { ...DEFAULT_WEIGHTING, strategy: 'equal' as const } },
  { label: 'MGDA-UB', weighting: { ...DEFAULT_WEIGHTING, strategy: 'mgda' as const } },
];

/** A store whose run ids count up, driven like the app's. */
async function experimentTab(name: string, locks?: RunLocks) {
  let count = 0;
  const tab = await storeWithHistory(name, {
    newRunId: () => `run-${++count}`,
    ...(locks ? { locks } : {}),
  });
  const stops = [driveExperiments(tab.store), recordRuns(tab.store, (m) => tab.sent.push(m))];
  return { ...tab, stop: () => stops.forEach((s) => s()) };
}

type Tab = Awaited<ReturnType<typeof experimentTab>>;

/** Lets the experiment move on (it does so once the change's other listeners have run). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The worker's side of a run that reaches its 2-step budget with the given final metrics. */
async function finishRun(tab: Tab, metrics: number[]) {
  const runId = tab.store.getState().run.runId!;
  tab.receive(
    { type: 'runBuilt', runId, tasks: ['gauss', 'plane'], params: 371, backend: 'cpu' },
    {
      type: 'metrics',
      runId,
      steps: [1, 2].map((step) => ({ step, losses: [1, 2], weights: [1, 1], seconds: step })),
      stepsPerSecond: 50,
    },
    { type: 'status', runId, state: 'done', step: 2 },
    {
      type: 'validation',
      runId,
      evaluation: { step: 2, losses: [0.5, 0.25], metrics },
      cosines: null,
    },
  );
  await settle();
}

/** The worker's side of the seed's baselines: each task alone reached these metrics. */
async function finishBaselines(tab: Tab, [gauss, plane]: number[]) {
  tab.receive({
    type: 'baselines',
    runId: tab.store.getState().run.runId!,
    steps: 2,
    results: [
      { task: 'gauss', metric: gauss!, loss: 1 },
      { task: 'plane', metric: plane!, loss: 1 },
    ],
  });
  await settle();
}

const trains = (sent: ToWorker[]) =>
  sent.flatMap((m) => (m.type === 'train' ? [m.design.config] : []));

describe('an experiment', () => {
  it('trains every method with every seed, baselines once per seed, then shows its table', async () => {
    const tab = await experimentTab('experiment-grid');
    const base = tab.store.getState().config;
    tab.store.getState().startExperiment({ methods, seeds: 2, steps: 2 });
    await finishRun(tab, [0.5, 0.9]); // Equal, seed s
    // The seed's first run asks for its baselines, with that run's budget.
    const baselines = tab.sent.filter((m) => m.type === 'baselines');
    expect(baselines).toHaveLength(1);
    expect(tab.store.getState().experiment!.status).toBe('baselines');
    await finishBaselines(tab, [0.4, 0.9]);
    await finishRun(tab, [0.6, 0.9]); // MGDA-UB, seed s
    await finishRun(tab, [0.5, 0.8]); // Equal, seed s + 1: baselines again
    expect(tab.sent.filter((m) => m.type === 'baselines')).toHaveLength(2);
    await finishBaselines(tab, [0.5, 0.8]);
    await finishRun(tab, [0.7, 0.8]); // MGDA-UB, seed s + 1

    const experiment = tab.store.getState().experiment!;
    expect(experiment.status).toBe('done');
    expect(experiment.results.map((r) => [r.method, r.seed - base.seed, r.metrics[0]])).toEqual([
      [0, 0, 0.5],
      [1, 0, 0.6],
      [0, 1, 0.5],
      [1, 1, 0.7],
    ]);
    expect(
      trains(tab.sent).map((c) => [c.weighting.strategy, c.seed - base.seed, c.maxSteps]),
    ).toEqual([
      ['equal', 0, 2],
      ['mgda', 0, 2],
      ['equal', 1, 2],
      ['mgda', 1, 2],
    ]);
    // The design is the person's again, not the last cell's.
    expect(tab.store.getState().config).toEqual(base);
    // Every run is a saved run, tagged with its cell.
    const names = async () => {
      await tab.store.getState().refreshRuns();
      return tab.store
        .getState()
        .savedRuns.map((r) => `${r.name} ${r.experiment?.id === experiment.spec.id}`)
        .sort();
    };
    await vi.waitFor(async () =>
      expect(await names()).toEqual([
        `Equal · seed ${base.seed} true`,
        `Equal · seed ${base.seed + 1} true`,
        `MGDA-UB · seed ${base.seed} true`,
        `MGDA-UB · seed ${base.seed + 1} true`,
      ]),
    );
    tab.stop();
  });

  it('marks a diverged run and goes on; a Reset by the person stops it, Resume restarts that cell', async () => {
    const tab = await experimentTab('experiment-faults');
    tab.store.getState().startExperiment({ methods, seeds: 1, steps: 2 });
    const { seed } = tab.store.getState().config;
    const runId = tab.store.getState().run.runId!;
    tab.receive(
      { type: 'runBuilt', runId, tasks: ['gauss', 'plane'], params: 371, backend: 'cpu' },
      { type: 'diverged', runId, task: 'gauss', step: 1, value: Number.NaN, learningRate: 1 },
      { type: 'status', runId, state: 'paused', step: 1 },
    );
    await settle();
    const experiment = tab.store.getState().experiment!;
    expect(experiment.results.map((r) => r.diverged)).toEqual([true]);
    expect([experiment.status, experiment.cell]).toEqual(['training', 1]);
    tab.store.getState().reset();
    await settle();
    expect(tab.store.getState().experiment!.status).toBe('stopped');
    await tab.store.getState().resumeExperiment();
    expect(tab.store.getState().experiment!.cell).toBe(1);
    // The cut-off run of that cell is not kept beside its new run.
    await tab.store.getState().refreshRuns();
    expect(tab.store.getState().savedRuns.map((r) => r.name)).toEqual([`Equal · seed ${seed}`]);
    expect(trains(tab.sent).map((c) => c.weighting.strategy)).toEqual(['equal', 'mgda', 'mgda']);
    tab.stop();
  });

  it('goes on with the interrupted run from its checkpoint after a reload, or where a Stop left it', async () => {
    const tab = await experimentTab('experiment-reload');
    tab.store.getState().startExperiment({ methods, seeds: 1, steps: 4 });
    const runId = tab.store.getState().run.runId!;
    tab.receive(
      { type: 'runBuilt', runId, tasks: ['gauss', 'plane'], params: 371, backend: 'cpu' },
      {
        type: 'metrics',
        runId,
        steps: [1, 2, 3].map((step) => ({ step, losses: [1, 2], weights: [1, 1], seconds: step })),
        stepsPerSecond: 50,
      },
    );
    tab.receive({
      type: 'checkpoint',
      runId,
      step: 2,
      modelJson: '{}',
      weightData: new ArrayBuffer(8),
    });
    // Stop and Resume in the same tab: the run goes on from where the worker holds it.
    tab.store.getState().stopExperiment();
    tab.receive({ type: 'status', runId, state: 'paused', step: 3 });
    await tab.store.getState().resumeExperiment();
    expect(tab.store.getState().experiment!.status).toBe('training');
    expect(tab.sent.at(-1)).toMatchObject({ type: 'train', runId });
    await vi.waitFor(async () => {
      await tab.store.getState().refreshRuns();
      expect(tab.store.getState().savedRuns.map((r) => [r.id, r.checkpointStep])).toEqual([
        [runId, 2],
      ]);
    });
    const experiment = tab.store.getState().experiment!;
    tab.stop();

    // A reload: the experiment comes back stopped, and its run restarts from step 2's weights.
    const reloaded = await experimentTab('experiment-reload');
    reloaded.store.setState({ experiment: { ...experiment, status: 'stopped' } });
    await reloaded.store.getState().resumeExperiment();
    const restore = reloaded.sent.find((m) => m.type === 'restore');
    expect(restore).toMatchObject({ runId, step: 2 });
    expect(reloaded.sent.at(-1)).toMatchObject({ type: 'train', runId });
    expect(reloaded.store.getState().run.step).toBe(2);
    expect(reloaded.store.getState().experiment!.status).toBe('training');
    // No second run of that cell.
    expect(trains(reloaded.sent)).toHaveLength(1);
    reloaded.stop();
  });

  it('refuses to start over an invalid design, with the reason', async () => {
    const tab = await experimentTab('experiment-invalid');
    tab.store.getState().setLearningRate(-1);
    tab.store.getState().startExperiment({ methods, seeds: 2, steps: 2 });
    expect(tab.store.getState().experiment).toBeNull();
    expect(tab.store.getState().run.workerError).toMatch(/^The experiment cannot start: /);
    expect(tab.sent.some((m) => m.type === 'train')).toBe(false);
    tab.stop();
  });

  it('does not go on with an experiment another tab is training', async () => {
    const elsewhere: RunLocks = {
      claim: (id) => Promise.resolve(!id.startsWith('experiment-')),
      release: () => undefined,
      heldElsewhere: () => Promise.resolve(true),
    };
    const tab = await experimentTab('experiment-tabs', elsewhere);
    tab.store.getState().startExperiment({ methods, seeds: 1, steps: 2 });
    tab.store.getState().stopExperiment();
    await tab.store.getState().resumeExperiment();
    expect(tab.store.getState().run.workerError).toBe(
      'This experiment is training in another tab: it goes on there',
    );
    expect(trains(tab.sent)).toHaveLength(1);
    tab.stop();
  });
});
