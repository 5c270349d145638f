import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { currentShapeKey } from './designShape';
import { WorkerClient } from '../../src/worker/client';
import type { Fault, FromWorker } from '../../src/worker/protocol';
import { downloadExport } from '../io/download';
import { loadExperiment, loadInitialDesign, saveDesign, saveExperiment } from '../persistence';
import { createAppStore, type AppState } from './appStore';
import { createFrameBatcher } from './frameBatcher';
import { IndexedDbRunStorage, type RunStorage } from '../history/runStore';
import { recordRuns } from './runRecorder';
import { driveExperiments } from './experimentDriver';
import { localRunLocks, webRunLocks } from '../history/runLocks';
import { runsChannel } from '../history/runsChannel';

let runCounter = 0;

/** IndexedDB opened on first use; every call fails with the reason if it cannot open. */
function lazyStorage(): RunStorage {
  let opened: Promise<RunStorage> | null = null;
  const db = () => (opened ??= IndexedDbRunStorage.open());
  return {
    list: async () => (await db()).list(),
    get: async (id) => (await db()).get(id),
    put: async (run) => (await db()).put(run),
    putCheckpoint: async (c) => (await db()).putCheckpoint(c),
    checkpoint: async (id) => (await db()).checkpoint(id),
    rename: async (id, name) => (await db()).rename(id, name),
    delete: async (id) => (await db()).delete(id),
  };
}
const initial = loadInitialDesign();
const locks = 'locks' in navigator ? webRunLocks(navigator.locks) : localRunLocks();
const otherTabs = runsChannel();

/** The one store of the app, talking to the one training worker. */
export const appStore = createAppStore(
  {
    send: (message) => worker.send(message),
    confirmDiscard: (question) => window.confirm(question),
    newRunId: () => `run-${Date.now().toString(36)}-${++runCounter}`,
    history: lazyStorage(),
    locks,
    announceRunsChanged: () => otherTabs.announce(),
  },
  initial.design ?? undefined,
);
if (initial.problem) appStore.getState().receive({ type: 'error', message: initial.problem });
if (initial.experiment) appStore.getState().setExperimentDraft(initial.experiment);

/** Quiet time after the last data edit before the worker builds a new preview (typing a size). */
const PREVIEW_DEBOUNCE_MS = 250;
let previewTimer: ReturnType<typeof setTimeout> | undefined;
const previewSoon = (): void => {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => appStore.getState().requestPreview(), PREVIEW_DEBOUNCE_MS);
};

// Persist the design whenever it changes (the run and the UI state are not part of it), and
// preview the data whenever it changes.
appStore.subscribe((state, previous) => {
  if (
    state.spec !== previous.spec ||
    state.config !== previous.config ||
    state.data !== previous.data
  ) {
    saveDesign({ spec: state.spec, config: state.config, data: state.data });
  }
  if (state.data !== previous.data) previewSoon();
});

const selectBackend = (): void =>
  worker.send({ type: 'selectBackend', choice: appStore.getState().backendChoice });

/**
 * Under Auto, asks the worker what it knows of the current design's shape, once per shape, so the
 * header can say which backend Auto will use (or that it has not measured this design yet).
 */
let plannedKey: string | null = null;
/** Quiet time after a design edit before the worker measures it (typing a layer's units). */
const PLAN_DEBOUNCE_MS = 400;
let planTimer: ReturnType<typeof setTimeout> | undefined;
const planBackend = (state: AppState): void => {
  if (state.backendChoice !== 'auto' || state.run.runId !== null) return;
  const key = currentShapeKey(state);
  if (key === plannedKey || state.run.backendPlans[key] !== undefined) return;
  // The page's first design is asked about at once: Auto can measure it before Train is pressed.
  const delay = plannedKey === null ? 0 : PLAN_DEBOUNCE_MS;
  plannedKey = key;
  clearTimeout(planTimer);
  planTimer = setTimeout(() => {
    const now = appStore.getState();
    if (currentShapeKey(now) !== key || now.run.runId !== null) return;
    plannedKey = key;
    worker.send({
      type: 'planBackend',
      design: { spec: now.spec, config: now.config, data: now.data },
    });
  }, delay);
};

// State updates wait for the next frame; the download of an export happens at once.
const receive = createFrameBatcher<FromWorker>((messages) =>
  appStore.getState().receiveAll(messages),
);

const worker = new WorkerClient(
  (message: FromWorker) => {
    receive(message);
    if (message.type === 'exported') downloadExport(message);
  },
  (reason) => {
    appStore.getState().forgetCsv(); // the new worker holds no file
    appStore.getState().requestPreview();
    void appStore.getState().recoverFromCrash(reason);
  },
);
// Test builds only: the browser tests make the worker fail for real and watch the app recover.
if (import.meta.env.VITE_FAULTS === 'on')
  (window as unknown as { injectFault: (fault: Fault) => void }).injectFault = (fault) =>
    worker.send({ type: 'injectFault', fault });
selectBackend();
planBackend(appStore.getState());
appStore.subscribe(planBackend);
appStore.getState().requestPreview();
recordRuns(appStore, (message) => worker.send(message), locks);
driveExperiments(appStore);

// An experiment goes on after a reload: finished runs are kept, the interrupted one goes on from
// its last checkpoint.
const lastExperiment = loadExperiment();
if (lastExperiment) {
  appStore.setState({ experiment: lastExperiment.experiment });
  if (lastExperiment.interrupted) setTimeout(() => void appStore.getState().resumeExperiment(), 0);
}
appStore.subscribe((state, previous) => {
  if (state.experiment !== previous.experiment) saveExperiment(state.experiment);
});
void appStore.getState().refreshRuns();
otherTabs.onChange(() => void appStore.getState().refreshRuns());

export type { AppState };

/**
 * React hook over the app store. The selector is declared at module scope and picks what a
 * component reads into one object (see selectors.ts): the component re-renders when one of those
 * values changes, not on every update of the store.
 */
export function useApp<T extends object>(selector: (state: AppState) => T): T {
  return useStore(appStore, useShallow(selector));
}
