import type { RunStorage } from '../history/runStore';
import type { SliceContext } from './state';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** A full disk or origin quota, as IndexedDB reports it (a DOMException, or the transaction's error). */
const isQuotaError = (e: unknown): boolean =>
  (e as { name?: unknown } | null)?.name === 'QuotaExceededError';

/** What the Saved runs panel says when storage fails. */
export function storageProblem(e: unknown): string {
  return isQuotaError(e)
    ? 'Browser storage is full: this run is no longer being saved (training goes on). Delete saved runs to make room; saving resumes by itself.'
    : `Runs cannot be saved in this browser: ${messageOf(e)}`;
}

/**
 * Runs storage actions for a slice: a failure (storage disabled, quota full) is reported in the
 * Saved runs panel and answers undefined, so it never breaks a run; the next success clears it.
 */
export function storageRunner({ set, get, deps }: SliceContext) {
  return async <T>(act: (s: RunStorage) => Promise<T>): Promise<T | undefined> => {
    if (!deps.history) return undefined;
    try {
      const result = await act(deps.history);
      if (get().historyError) set({ historyError: null }); // storage works again (room was made)
      return result;
    } catch (e) {
      set({ historyError: storageProblem(e) });
      return undefined;
    }
  };
}
