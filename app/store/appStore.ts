import { createStore, type StoreApi } from 'zustand/vanilla';
import { PRESETS } from '../../src/spec/presets';
import type { Design } from '../../src/spec/serialize';
import type { ToWorker } from '../../src/worker/protocol';
import type { RunLocks } from '../history/runLocks';
import type { RunStorage } from '../history/runStore';
import { createDataSlice, type DataSlice } from './dataSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createImportSlice, type ImportSlice } from './importSlice';
import { createDesignSlice, type DesignSlice } from './designSlice';
import { createLandscapeSlice, type LandscapeSlice } from './landscapeSlice';
import { createRecoverySlice, type RecoverySlice } from './recoverySlice';
import { createRunSlice, type RunSlice } from './runSlice';

/** Everything the app holds, and every action the UI can take. */
export type AppState = DesignSlice &
  RunSlice &
  LandscapeSlice &
  DataSlice &
  HistorySlice &
  ImportSlice &
  RecoverySlice;

/** What the store needs from its surroundings; tests pass fakes. */
export interface StoreDeps {
  send(message: ToWorker): void;
  /** Asks the person whether to discard the current run. */
  confirmDiscard(question: string): boolean;
  newRunId(): string;
  /** Where runs are kept across reloads (absent in tests that do not need it). */
  history?: RunStorage;
  /** Which runs this tab has open, so two tabs never train the same run (absent: one tab only). */
  locks?: RunLocks;
  /** Tells other tabs that saved runs changed. */
  announceRunsChanged?(): void;
}

/** How a slice reads and writes the whole store. */
export interface SliceContext {
  set(partial: Partial<AppState>): void;
  get(): AppState;
  deps: StoreDeps;
}

/** The design a first visit starts from: the first preset. */
export const DEFAULT_DESIGN: Design = {
  spec: PRESETS[0]!.spec,
  config: PRESETS[0]!.config,
  data: PRESETS[0]!.data,
};

/** Creates the app store from its slices, wired to a worker through `deps.send`. */
export function createAppStore(
  deps: StoreDeps,
  initial: Design = DEFAULT_DESIGN,
): StoreApi<AppState> {
  return createStore<AppState>((set, get) => {
    const context: SliceContext = { set, get, deps };
    return {
      ...createDesignSlice(context, initial),
      ...createRunSlice(context),
      ...createLandscapeSlice(context),
      ...createDataSlice(context),
      ...createHistorySlice(context),
      ...createImportSlice(context),
      ...createRecoverySlice(context),
    };
  });
}
