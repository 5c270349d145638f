import { isWatching } from '../../src/train/insights/views';
import { nextBackend } from '../../src/worker/backendOrder';
import type { RecoverySlice, SliceContext } from './state';
import { runViewAt } from './runView';
import { storageRunner } from './storageRunner';

export function createRecoverySlice({ set, get, deps }: SliceContext): RecoverySlice {
  const withStorage = storageRunner({ set, get, deps });
  return {
    rollBack: async ({ learningRateFactor = 1, resume, note }) => {
      const { run } = get();
      const runId = run.runId;
      if (!runId) return;
      const checkpoint = await withStorage((s) => s.checkpoint(runId));
      const step = checkpoint?.step ?? 0;
      const config = {
        ...get().config,
        learningRate: get().config.learningRate * learningRateFactor,
      };
      const design = { spec: get().spec, config, data: get().data };
      set({
        config,
        run: { ...runViewAt(get().run, step), state: 'paused', workerError: note(step) },
      });
      deps.send({
        type: 'restore',
        runId,
        design,
        step,
        checkpoint: checkpoint
          ? { modelJson: checkpoint.modelJson, weightData: checkpoint.weightData }
          : null,
      });
      if (isWatching(get().insightRequest)) get().watchInsights(get().insightRequest);
      if (resume) deps.send({ type: 'train', runId, design });
    },

    recoverFromCrash: async (reason) => {
      const { run } = get();
      const backend = nextBackend(run.backend?.name ?? null);
      set({ backendChoice: backend, run: { ...get().run, backend: null } });
      deps.send({ type: 'selectBackend', choice: backend });
      const said = `The training worker crashed (${reason.replace(/\.$/, '')}). A new one runs on ${backend}`;
      if (!run.runId) {
        set({ run: { ...get().run, workerError: `${said}.` } });
        return;
      }
      await get().rollBack({
        resume: run.state === 'running',
        note: (step) =>
          step > 0
            ? `${said}; the run went back to its last checkpoint, step ${step}${run.state === 'running' ? ', and trains on' : ''}.`
            : `${said}; no checkpoint was kept yet, so the run starts again from step 0.`,
      });
    },
  };
}
