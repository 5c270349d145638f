import type { RunStorage } from '../history/runStore';
import type { SliceContext } from './appStore';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Runs storage actions for a slice: a failure (storage disabled, quota full) is reported in the
 * Saved runs panel and answers undefined, so it never breaks a run.
 */
export function storageRunner({ set, deps }: Pick<SliceContext, 'set' | 'deps'>) {
  return async <T>(act: (s: RunStorage) => Promise<T>): Promise<T | undefined> => {
    if (!deps.history) return undefined;
    try {
      return await act(deps.history);
    } catch (e) {
      set({ historyError: `Runs cannot be saved in this browser: ${messageOf(e)}` });
      return undefined;
    }
  };
}
