import { designShapeKey } from '../../src/spec/designKey';
import type { AppState } from './state';

let last: { spec: AppState['spec']; batchSize: number; key: string } | null = null;

/**
 * The current design's shape key (`designShapeKey`). Selectors and store subscriptions run on
 * every store update — each frame of metrics while training — so the key is computed once per
 * design, not once per update.
 */
export function currentShapeKey(state: Pick<AppState, 'spec' | 'config'>): string {
  if (last?.spec !== state.spec || last.batchSize !== state.config.batchSize)
    last = { spec: state.spec, batchSize: state.config.batchSize, key: designShapeKey(state) };
  return last.key;
}
