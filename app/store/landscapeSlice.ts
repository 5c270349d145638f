import type { ToyStrategy } from '../../src/train/toy/toyStrategies';
import type { LandscapeSlice, SliceContext } from './state';

/** The key of one trajectory. */
export const pathKey = (strategy: ToyStrategy, start: number): string => `${strategy}:${start}`;

export function createLandscapeSlice({ set, get, deps }: SliceContext): LandscapeSlice {
  return {
    landscape: { requestId: 0, starts: [], paths: {}, finished: 0, total: 0 },
    runLandscape: (strategies, starts) => {
      const requestId = get().landscape.requestId + 1;
      set({
        landscape: {
          requestId,
          starts,
          paths: {},
          finished: 0,
          total: strategies.length * starts.length,
        },
      });
      deps.send({
        type: 'landscape',
        requestId,
        strategies,
        starts,
        cagradC: get().config.weighting.cagradC,
      });
    },
    receiveLandscape: (message) => {
      const state = get().landscape;
      if (message.requestId !== state.requestId) return;
      const paths = { ...state.paths };
      let finished = state.finished;
      for (const update of message.updates) {
        const key = pathKey(update.strategy, update.start);
        paths[key] = [...(paths[key] ?? [state.starts[update.start]!]), ...update.points];
        if (update.done) finished += 1;
      }
      set({ landscape: { ...state, paths, finished } });
    },
  };
}
