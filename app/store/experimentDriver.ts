import type { StoreApi } from 'zustand/vanilla';
import { experimentBusy } from './experimentSlice';
import type { AppState } from './state';

/**
 * Moves a running experiment on whenever the shown run changes. The move waits for the other
 * listeners of that change (the run recorder writes a finished run before the next replaces it).
 * Returns a function that stops.
 */
export function driveExperiments(store: StoreApi<AppState>): () => void {
  return store.subscribe((state, previous) => {
    if (!experimentBusy(state) || state.run === previous.run) return;
    const before = previous.run;
    queueMicrotask(() => store.getState().advanceExperiment(before));
  });
}
