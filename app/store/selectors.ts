import type { AppState } from './state';

/**
 * Reads of the store that several components make. A component's own reads are one selector at
 * its module's top, picked with `useApp`: it re-renders when one of the picked values
 * changes, not on every update of the store.
 */

/** The run is training now: most design and data controls are locked meanwhile. */
export const isTraining = (s: AppState): boolean => s.run.state === 'running';
