import { nextBackend } from '../../src/worker/backendOrder';
import type { SliceContext } from './appStore';
import { runViewAt } from './runView';
import { storageRunner } from './storageRunner';

/** Getting a run back on its feet after a divergence or a crashed worker. */
export interface RecoverySlice {
  /**
   * Restores the current run from its last stored checkpoint (or from step 0 when none was kept),
   * cuts the curves there, scales the learning rate, and trains on when `resume`.
   */
  rollBack(options: {
    learningRateFactor?: number;
    resume: boolean;
    /** What happened, told in `error` with the step the run went back to. */
    note: (step: number) => string;
  }): Promise<void>;
  /** A new worker replaced a crashed one: it runs on the next backend and resumes the run. */
  recoverFromCrash(reason: string): Promise<void>;
}

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
