import type { StoreApi } from 'zustand/vanilla';
import type { ToWorker } from '../../src/worker/protocol';
import type { RunLocks } from '../history/runLocks';
import type { AppState } from './state';

/** How soon a changed run's record (design, curves) is written while it is not training. */
const SAVE_EVERY_MS = 2000;
/**
 * While training, the record is rewritten at the checkpoint cadence instead: a reopened run's
 * curves are cut at its checkpoint anyway, and every write clones every point of every curve
 * (6 MB after 100 000 steps: 3 MB/s of IndexedDB writes at a 2 s cadence).
 */
const SAVE_WHILE_TRAINING_MS = 30_000;
/** How often weights are kept while training: a closed tab loses at most this much. */
const CHECKPOINT_EVERY_MS = 30_000;

/**
 * Keeps the current run in storage as it goes: its record a couple of seconds after it changes,
 * and its weights whenever it stops (pause, budget reached, a single Step) and every 30 s of
 * training. Holds the shown run's lock (see RunLocks). Returns a function that stops recording.
 */
export function recordRuns(
  store: StoreApi<AppState>,
  send: (message: ToWorker) => void,
  locks?: RunLocks,
): () => void {
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCheckpoint = 0;
  const saveSoon = () => {
    const { run, savedRuns } = store.getState();
    // A new run is listed within 2 s; a training run's record is rewritten every 30 s.
    const training = run.state === 'running' && savedRuns.some((r) => r.id === run.runId);
    saveTimer ??= setTimeout(
      () => {
        saveTimer = undefined;
        void store.getState().saveCurrentRun();
      },
      training ? SAVE_WHILE_TRAINING_MS : SAVE_EVERY_MS,
    );
  };
  const saveNow = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    void store.getState().saveCurrentRun();
  };
  const checkpoint = (runId: string) => {
    lastCheckpoint = Date.now();
    send({ type: 'checkpoint', runId });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const run = state.run;
    if (run.runId !== previous.run.runId) {
      // A change still waiting to be written belongs to the run that was just replaced (e.g. its
      // final validation, arrived a moment before Reset): write it from the state it was in.
      if (saveTimer !== undefined && previous.run.runId) {
        clearTimeout(saveTimer);
        saveTimer = undefined;
        void store.getState().saveRun(previous);
      }
      // The run shown here is this tab's to write; the one it replaced is free for other tabs.
      if (previous.run.runId) locks?.release(previous.run.runId);
      if (run.runId) void locks?.claim(run.runId);
    }
    if (!run.runId || run.runId !== previous.run.runId) {
      if (run.runId && run.tasks.length) saveSoon();
      return;
    }
    if (
      run.step !== previous.run.step ||
      run.state !== previous.run.state ||
      run.valLoss !== previous.run.valLoss ||
      run.baselines !== previous.run.baselines
    )
      saveSoon();
    const stopped = run.state !== 'running' && previous.run.state === 'running';
    const stepped = run.state === 'paused' && run.step !== previous.run.step;
    if (stopped || stepped) {
      // A stop is when people reload or leave: write now, not in two seconds.
      saveNow();
      checkpoint(run.runId);
    }
  });
  // A reload or a closed tab inside the quiet time would lose the last change: write it now.
  const flushOnHide = () => {
    if (saveTimer !== undefined) saveNow();
  };
  globalThis.addEventListener?.('pagehide', flushOnHide);
  const timer = setInterval(() => {
    const run = store.getState().run;
    if (run.runId && run.state === 'running' && Date.now() - lastCheckpoint >= CHECKPOINT_EVERY_MS)
      checkpoint(run.runId);
  }, 1000);
  return () => {
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', flushOnHide);
    clearInterval(timer);
    clearTimeout(saveTimer);
  };
}
