import type { Point } from '../../src/train/toy/cagradToy';
import type { ToyStrategy } from '../../src/train/toy/toyStrategies';
import type { FromWorker } from '../../src/worker/protocol';
import type { SliceContext } from './appStore';

/** The optimization-landscape view: which trajectories were asked for and how far they got. */
export interface LandscapeState {
  requestId: number;
  starts: Point[];
  /** Path per `${strategy}:${start index}`. */
  paths: Record<string, Point[]>;
  finished: number;
  total: number;
}

export interface LandscapeSlice {
  landscape: LandscapeState;
  runLandscape(strategies: ToyStrategy[], starts: Point[]): void;
  /** Appends the trajectory slices the worker posted; slices of older requests are dropped. */
  receiveLandscape(message: Extract<FromWorker, { type: 'landscapePaths' }>): void;
}

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
