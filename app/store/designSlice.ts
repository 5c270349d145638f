import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../../src/spec/defaults';
import type { DataSpec, ModelSpec, TrainConfig } from '../../src/spec/types';
import type { BackendChoice } from '../../src/worker/protocol';
import type { SliceContext } from './appStore';
import type { Design } from './designEdits';

/** What the user composed, and the edits of it. Live settings (λ, learning rate, batch) reach a running run. */
export interface DesignSlice {
  spec: ModelSpec;
  config: TrainConfig;
  data: DataSpec;
  backendChoice: BackendChoice;
  /** A structural edit of the model or the task set; asks before discarding a run. */
  editDesign(edit: (design: Design) => Design): void;
  setData(data: DataSpec): void;
  regenerateData(): void;
  setLambda(task: string, value: number): void;
  setLearningRate(value: number): void;
  setBatchSize(value: number): void;
  setMaxSteps(value: number): void;
  setBackendChoice(choice: BackendChoice): void;
}

export function createDesignSlice({ set, get, deps }: SliceContext): DesignSlice {
  /** Drops the run (after asking) so the design can change under it. */
  const discardRunFor = (what: string): boolean => {
    if (get().run.runId === null) return true;
    if (!deps.confirmDiscard(`${what} discards the current run's weights and curves. Continue?`))
      return false;
    get().reset();
    return true;
  };
  /** Updates the config and, when a run exists, tells the worker. */
  const liveConfig = (patch: Partial<TrainConfig>, toWorker: (runId: string) => void): void => {
    set({ config: { ...get().config, ...patch } });
    const runId = get().run.runId;
    if (runId) toWorker(runId);
  };
  const positiveInt = (n: number): boolean => Number.isInteger(n) && n > 0;

  return {
    spec: DEFAULT_MODEL,
    config: DEFAULT_TRAIN,
    data: DEFAULT_DATA,
    backendChoice: 'auto',

    editDesign: (edit) => {
      if (!discardRunFor('Changing the model')) return;
      set(edit({ spec: get().spec, config: get().config }));
    },
    setData: (data) => {
      if (discardRunFor('Changing the data')) set({ data });
    },
    regenerateData: () => get().setData({ ...get().data, seed: get().data.seed + 1 }),

    setLambda: (task, value) => {
      const lambdas = { ...get().config.lambdas, [task]: value };
      liveConfig({ lambdas }, (runId) => deps.send({ type: 'setLambdas', runId, lambdas }));
    },
    setLearningRate: (learningRate) =>
      liveConfig({ learningRate }, (runId) => {
        if (learningRate > 0) deps.send({ type: 'setLearningRate', runId, learningRate });
      }),
    setBatchSize: (batchSize) =>
      liveConfig({ batchSize }, (runId) => {
        if (positiveInt(batchSize)) deps.send({ type: 'setBatchSize', runId, batchSize });
      }),
    setMaxSteps: (maxSteps) => set({ config: { ...get().config, maxSteps } }),

    setBackendChoice: (choice) => {
      if (get().run.runId !== null) return; // the picker is disabled while a run holds weights on a backend
      set({ backendChoice: choice });
      deps.send({ type: 'selectBackend', choice });
    },
  };
}
