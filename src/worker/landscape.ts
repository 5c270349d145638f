import type { Point } from '../train/toy/cagradToy';
import { DEFAULT_TRAJECTORY, ToyTrajectory, type ToyStrategy } from '../train/toy/trajectory';
import type { FromWorker, LandscapeUpdate } from './protocol';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Steps per slice: a slice takes a few milliseconds, so training and messages keep flowing. */
const SLICE = 2_000;
/** At most one message per this many milliseconds, so the page redraws calmly. */
const POST_EVERY_MS = 60;

/**
 * Runs the landscape view's trajectories in slices, all of them advancing together so the user
 * watches them race; a newer request cancels an older one.
 */
export class LandscapeRunner {
  private current = 0;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async run(
    requestId: number,
    strategies: ToyStrategy[],
    starts: Point[],
    cagradC: number,
  ): Promise<void> {
    this.current = requestId;
    const options = { ...DEFAULT_TRAJECTORY, cagradC };
    const runs = strategies.flatMap((strategy) =>
      starts.map((start, index) => ({
        index,
        trajectory: new ToyTrajectory(strategy, start, options),
      })),
    );
    let pending = new Map<ToyTrajectory, LandscapeUpdate>();
    let lastPost = this.now();
    while (this.current === requestId) {
      for (const { index, trajectory } of runs) {
        if (trajectory.done) continue;
        const points = trajectory.advance(SLICE);
        const update = pending.get(trajectory) ?? {
          strategy: trajectory.strategy,
          start: index,
          points: [],
          done: false,
        };
        pending.set(trajectory, {
          ...update,
          points: [...update.points, ...points],
          done: trajectory.done,
        });
      }
      const finished = runs.every((r) => r.trajectory.done);
      if (finished || this.now() - lastPost >= POST_EVERY_MS) {
        this.post({ type: 'landscapePaths', requestId, updates: [...pending.values()] });
        pending = new Map();
        lastPost = this.now();
      }
      if (finished) return;
      await yieldToEventLoop();
    }
  }
}
