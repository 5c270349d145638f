import { createStore, type StoreApi } from 'zustand/vanilla';
import { PRESETS } from '../../src/design/presets';
import type { Design } from '../../src/spec/serialize';
import { createDataSlice } from './dataSlice';
import { createExperimentSlice } from './experimentSlice';
import { createHistorySlice } from './historySlice';
import { createImportSlice } from './importSlice';
import { createDesignSlice } from './designSlice';
import { createLandscapeSlice } from './landscapeSlice';
import { createRecoverySlice } from './recoverySlice';
import { createRunSlice } from './runSlice';

import type { AppState, SliceContext, StoreDeps } from './state';
export type { AppState, SliceContext, StoreDeps } from './state';

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
      ...createExperimentSlice(context),
    };
  });
}
