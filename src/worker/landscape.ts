import type { Point } from '../train/toy/cagradToy';
import { DEFAULT_TRAJECTORY, ToyTrajectory, type ToyStrategy } from '../train/toy/trajectory';
import type { FromWorker } from './protocol';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Steps per slice: a slice takes a few milliseconds, so training and messages keep flowing. */
const SLICE = 2_000;

/**
 * Runs the landscape view's trajectories in slices, all of them advancing together so the user
 * watches them race; a newer request cancels an older one.
 */
export class LandscapeRunner {
  private current = 0;

  constructor(private readonly post: (message: FromWorker) => void) {}

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
    while (this.current === requestId && runs.some((r) => !r.trajectory.done)) {
      for (const { index, trajectory } of runs) {
        if (trajectory.done) continue;
        const points = trajectory.advance(SLICE);
        this.post({
          type: 'landscapePath',
          requestId,
          strategy: trajectory.strategy,
          start: index,
          points,
          done: trajectory.done,
        });
      }
      await yieldToEventLoop();
    }
  }
}
