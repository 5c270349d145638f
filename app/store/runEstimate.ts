import { currentShapeKey } from './designShape';
import type { BackendName } from '../../src/worker/protocol';
import type { AppState } from './state';

/** A run longer than this gets a word before it starts: how long, and what would shorten it. */
export const LONG_RUN_SECONDS = 120;

/** Seconds the rest of the run takes at its measured speed; null when unbounded or unknown. */
export function secondsLeft(
  step: number,
  maxSteps: number | null,
  stepsPerSecond: number | null,
): number | null {
  if (maxSteps === null || !stepsPerSecond || stepsPerSecond <= 0) return null;
  return Math.max(0, maxSteps - step) / stepsPerSecond;
}

/** How fast this design trains where it would train now, if that was measured. */
export interface SpeedEstimate {
  backend: BackendName;
  stepsPerSecond: number;
}

/**
 * The design's known speed: the current run's, else what Auto measured for designs of this
 * shape. Null before anything was measured (or on a forced backend with no run yet).
 */
export function knownSpeed(state: AppState): SpeedEstimate | null {
  const { run } = state;
  if (run.runId !== null && run.stepsPerSecond && run.backend)
    return { backend: run.backend.name, stepsPerSecond: run.stepsPerSecond };
  if (state.backendChoice !== 'auto') return null;
  const pick = run.backendPlans[currentShapeKey(state)];
  const timing = pick?.timings.find((t) => t.backend === pick.backend);
  return pick && timing?.stepsPerSecond
    ? { backend: pick.backend, stepsPerSecond: timing.stepsPerSecond }
    : null;
}
