import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../../src/spec/defaults';
import type { DataSpec, ModelSpec, TrainConfig } from '../../src/spec/types';
import { validateDesign } from '../../src/spec/validateDesign';
import type { BackendChoice, FromWorker, RunDesign, ToWorker } from '../../src/worker/protocol';
import type { Design } from './designEdits';
import { applyWorkerMessage, INITIAL_RUN_VIEW, startRunView, type RunView } from './runView';

/** The design slice: what the user composed. */
export interface DesignState {
  spec: ModelSpec;
  config: TrainConfig;
  data: DataSpec;
  backendChoice: BackendChoice;
}

/** Everything the app holds, and every action the UI can take. */
export interface AppState extends DesignState {
  run: RunView;
  /** Applies one worker message through the run reducer. */
  receive(message: FromWorker): void;
  /** A structural edit of model or λ set (add/remove/rename); asks before discarding a run. */
  editDesign(edit: (design: Design) => Design): void;
  setData(data: DataSpec): void;
  regenerateData(): void;
  setLambda(task: string, value: number): void;
  setLearningRate(value: number): void;
  setBatchSize(value: number): void;
  setMaxSteps(value: number): void;
  setBackendChoice(choice: BackendChoice): void;
  train(): void;
  step(): void;
  pause(): void;
  reset(): void;
  exportWeights(): void;
  dismissError(): void;
  /** The worker lost the run (it crashed): keep the curves on screen, forget the run id. */
  detachRun(): void;
}

/** What the store needs from its surroundings; tests pass fakes. */
export interface StoreDeps {
  send(message: ToWorker): void;
  /** Asks the person whether to discard the current run. */
  confirmDiscard(what: string): boolean;
  newRunId(): string;
}

/** Creates the app store wired to a worker through `deps.send`. */
export function createAppStore(deps: StoreDeps): StoreApi<AppState> {
  return createStore<AppState>((set, get) => {
    const runDesign = (): RunDesign => ({
      spec: get().spec,
      config: get().config,
      data: get().data,
    });
    const hasRun = (): boolean => get().run.runId !== null;

    /** Drops the run (after asking) so the design can change under it. */
    const discardRunFor = (what: string): boolean => {
      if (!hasRun()) return true;
      if (!deps.confirmDiscard(`${what} discards the current run's weights and curves. Continue?`))
        return false;
      get().reset();
      return true;
    };

    /** Starts a run view on first use and sends a run-scoped command with the current design. */
    const command = (type: 'train' | 'step'): void => {
      if (validateDesign(runDesign()).length > 0) return;
      let runId = get().run.runId;
      if (!runId) {
        runId = deps.newRunId();
        set({ run: startRunView(get().run, runId) });
      }
      deps.send({ type, runId, design: runDesign() });
    };

    return {
      spec: DEFAULT_MODEL,
      config: DEFAULT_TRAIN,
      data: DEFAULT_DATA,
      backendChoice: 'auto',
      run: INITIAL_RUN_VIEW,

      receive: (message) => set({ run: applyWorkerMessage(get().run, message) }),

      editDesign: (edit) => {
        if (!discardRunFor('Changing the model')) return;
        const next = edit({ spec: get().spec, config: get().config });
        set({ spec: next.spec, config: next.config });
      },

      setData: (data) => {
        if (!discardRunFor('Changing the data')) return;
        set({ data });
      },
      regenerateData: () => get().setData({ ...get().data, seed: get().data.seed + 1 }),

      setLambda: (task, value) => {
        const lambdas = { ...get().config.lambdas, [task]: value };
        set({ config: { ...get().config, lambdas } });
        const runId = get().run.runId;
        if (runId) deps.send({ type: 'setLambdas', runId, lambdas });
      },
      setLearningRate: (learningRate) => {
        set({ config: { ...get().config, learningRate } });
        const runId = get().run.runId;
        if (runId && learningRate > 0) deps.send({ type: 'setLearningRate', runId, learningRate });
      },
      setBatchSize: (batchSize) => {
        set({ config: { ...get().config, batchSize } });
        const runId = get().run.runId;
        if (runId && Number.isInteger(batchSize) && batchSize > 0)
          deps.send({ type: 'setBatchSize', runId, batchSize });
      },
      setMaxSteps: (maxSteps) => set({ config: { ...get().config, maxSteps } }),

      setBackendChoice: (choice) => {
        if (hasRun()) return; // the picker is disabled while a run holds weights on a backend
        set({ backendChoice: choice });
        deps.send({ type: 'selectBackend', choice });
      },

      train: () => command('train'),
      step: () => command('step'),
      pause: () => {
        const runId = get().run.runId;
        if (runId) deps.send({ type: 'pause', runId });
      },
      reset: () => {
        deps.send({ type: 'reset' });
        set({ run: { ...INITIAL_RUN_VIEW, backend: get().run.backend } });
      },
      exportWeights: () => {
        const runId = get().run.runId;
        if (runId) deps.send({ type: 'export', runId });
      },
      dismissError: () => set({ run: { ...get().run, workerError: null } }),
      detachRun: () => set({ run: { ...get().run, runId: null, state: 'idle', backend: null } }),
    };
  });
}
