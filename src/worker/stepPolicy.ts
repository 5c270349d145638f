/** How the training loop paces itself and judges what went wrong: pure, so it is tested alone. */
import type { StepLosses } from '../train/trainer';

/** Steps for the next chunk so that one chunk takes about `targetMs`; at most doubling each time. */
export function nextChunkSize(
  chunk: number,
  elapsedMs: number,
  targetMs: number,
  maxChunk: number,
): number {
  const perStep = Math.max(elapsedMs, 1e-3) / chunk;
  return Math.max(1, Math.min(maxChunk, chunk * 2, Math.floor(targetMs / perStep)));
}

/**
 * Whether a validation that fell due may run now without validation taking more than `share` of
 * the training time: after one that took `last.ms`, the next waits `last.ms · (1 − share) / share`
 * (5 %: 19 times as long). Cheap validations on a small model still come many times a second;
 * a large validation split no longer halves the training speed.
 */
export function validationAllowed(
  now: number,
  last: { endedAt: number; ms: number },
  share: number,
): boolean {
  return now - last.endedAt >= (last.ms * (1 - share)) / share;
}

/** The first step whose loss is NaN or ±∞: its index in `steps`, the task and the value. */
export function firstNonFinite(
  steps: StepLosses[],
): { index: number; task: number; value: number } | null {
  for (let index = 0; index < steps.length; index++) {
    const task = steps[index]!.losses.findIndex((l) => !Number.isFinite(l));
    if (task >= 0) return { index, task, value: steps[index]!.losses[task]! };
  }
  return null;
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Errors after which the worker's memory or device cannot be trusted (an allocation failed, the
 * wasm heap cannot grow, the GPU is gone): the UI replaces the worker instead of carrying on.
 */
export function isFatal(e: unknown): boolean {
  const text = messageOf(e);
  return (
    (e instanceof RangeError && /alloc|memory/i.test(text)) ||
    /out of memory|Memory\.grow|device (was |is )?lost|OOM/i.test(text)
  );
}
