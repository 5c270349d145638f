import { validateDesign } from '../../src/design/validateDesign';
import { isWatching, NO_INSIGHTS } from '../../src/train/insights/views';
import type { RunDesign } from '../../src/worker/protocol';
import type { RunSlice, SliceContext } from './state';
import { isDataMessage } from './dataSlice';
import { applyWorkerMessage, INITIAL_RUN_VIEW, startRunView } from './runView';

export function createRunSlice({ set, get, deps }: SliceContext): RunSlice {
  const runDesign = (): RunDesign => ({ spec: get().spec, config: get().config, data: get().data });
  const withRun = (act: (runId: string) => void): void => {
    const runId = get().run.runId;
    if (runId) act(runId);
  };
  /** Starts a run view on first use and sends a run-scoped command with the current design. */
  const command = (type: 'train' | 'step'): void => {
    const design = runDesign();
    if (validateDesign(design).length > 0) return;
    let runId = get().run.runId;
    const fresh = !runId;
    if (!runId) {
      runId = deps.newRunId();
      set({ run: startRunView(get().run, runId) });
    }
    set({ run: { ...get().run, phase: type === 'train' ? 'starting' : 'stepping' } });
    deps.send({ type, runId, design });
    const task = get().confusionTask;
    if (fresh && task !== null) deps.send({ type: 'watchConfusion', runId, task });
    const request = get().insightRequest;
    if (fresh && isWatching(request)) deps.send({ type: 'watchInsights', runId, request });
  };

  return {
    run: INITIAL_RUN_VIEW,
    confusionTask: null,
    receiveAll: (messages) => {
      let run = get().run;
      for (const message of messages) {
        if (message.type === 'landscapePaths') get().receiveLandscape(message);
        else if (isDataMessage(message)) get().receiveData(message);
        else if (message.type === 'checkpoint') void get().keepCheckpoint(message);
        else run = applyWorkerMessage(run, message);
      }
      if (run !== get().run) set({ run });
    },
    receive: (message) => get().receiveAll([message]),
    train: () => command('train'),
    step: () => command('step'),
    pause: () =>
      withRun((runId) => {
        if (get().run.state === 'running') set({ run: { ...get().run, phase: 'pausing' } });
        deps.send({ type: 'pause', runId });
      }),
    reset: () => {
      deps.send({ type: 'reset' });
      const { backend, backendPlans } = get().run;
      set({ run: { ...INITIAL_RUN_VIEW, backend, backendPlans } });
    },
    exportWeights: () => withRun((runId) => deps.send({ type: 'export', runId })),
    runBaselines: () =>
      withRun((runId) => {
        const steps = get().run.step;
        if (steps < 1 || get().run.state === 'running') return;
        set({ run: { ...get().run, baselineProgress: { task: 0, step: 0, steps } } });
        deps.send({ type: 'baselines', runId, design: runDesign(), steps });
      }),
    showConfusion: (task) => {
      set({ confusionTask: task, run: { ...get().run, confusion: null } });
      withRun((runId) => deps.send({ type: 'watchConfusion', runId, task }));
    },
    insightRequest: NO_INSIGHTS,
    watchInsights: (request) => {
      set({ insightRequest: request });
      withRun((runId) => deps.send({ type: 'watchInsights', runId, request }));
    },
    dismissError: () => set({ run: { ...get().run, workerError: null } }),
  };
}
