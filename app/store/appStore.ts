import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ToWorker } from '../../src/worker/protocol';
import { createDesignSlice, type DesignSlice } from './designSlice';
import { createRunSlice, type RunSlice } from './runSlice';

/** Everything the app holds, and every action the UI can take. */
export type AppState = DesignSlice & RunSlice;

/** What the store needs from its surroundings; tests pass fakes. */
export interface StoreDeps {
  send(message: ToWorker): void;
  /** Asks the person whether to discard the current run. */
  confirmDiscard(question: string): boolean;
  newRunId(): string;
}

/** How a slice reads and writes the whole store. */
export interface SliceContext {
  set(partial: Partial<AppState>): void;
  get(): AppState;
  deps: StoreDeps;
}

/** Creates the app store from its slices, wired to a worker through `deps.send`. */
export function createAppStore(deps: StoreDeps): StoreApi<AppState> {
  return createStore<AppState>((set, get) => {
    const context: SliceContext = { set, get, deps };
    return { ...createDesignSlice(context), ...createRunSlice(context) };
  });
}
