import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset';
import { tryBackend } from './backends';
import { BACKENDS, type BackendName, type RunDesign } from './protocol';
import { createRun, disposeRun } from './run';
import { messageOf } from './stepPolicy';

/** How long each backend trains the design while Auto measures it, after one warm-up step. */
const MEASURE_MS = 600;
/** A warm-up step slower than this (shader compilation on an emulated GPU) ends the measurement. */
const WARMUP_LIMIT_MS = 4000;

/** One backend's measured speed on the current design, or why it was not measured. */
export interface BackendTiming {
  backend: BackendName;
  stepsPerSecond: number | null;
  note?: string;
}

/** The backend with the most steps per second, or null when none was measured. */
export function fastest(timings: BackendTiming[]): BackendName | null {
  let best: BackendTiming | null = null;
  for (const t of timings)
    if (t.stepsPerSecond !== null && (best === null || t.stepsPerSecond > best.stepsPerSecond!))
      best = t;
  return best?.backend ?? null;
}

/** Steps per second of the design on the active backend: one warm-up step, then about MEASURE_MS. */
async function measure(design: RunDesign, dataset: Dataset, now: () => number): Promise<number> {
  const run = createRun('auto-probe', design, dataset);
  try {
    const warm = now();
    await run.trainer.trainStep();
    await run.trainer.flush();
    const warmup = now() - warm;
    if (warmup > WARMUP_LIMIT_MS) return 1000 / warmup;
    const start = now();
    let steps = 0;
    while (now() - start < MEASURE_MS) {
      for (let i = 0; i < 4; i++) await run.trainer.trainStep();
      await run.trainer.flush(); // the readback is part of what a step costs
      steps += 4;
    }
    return (steps * 1000) / (now() - start);
  } finally {
    disposeRun(run);
  }
}

/**
 * Times every backend that works here and can train the design, on the design itself, and leaves
 * the fastest one active. On machines without a GPU, WebGPU is emulated and far slower than wasm:
 * only a measurement tells.
 */
export async function measureBackends(
  design: RunDesign,
  dataset: Dataset,
  now: () => number = () => performance.now(),
): Promise<{ best: BackendName; timings: BackendTiming[] }> {
  const timings: BackendTiming[] = [];
  for (const backend of BACKENDS) {
    const { problem } = await tryBackend(backend);
    if (problem) {
      timings.push({ backend, stepsPerSecond: null, note: problem });
      continue;
    }
    try {
      timings.push({ backend, stepsPerSecond: await measure(design, dataset, now) });
    } catch (e) {
      timings.push({
        backend,
        stepsPerSecond: null,
        note: messageOf(e),
      });
    }
  }
  const best = fastest(timings);
  if (!best)
    throw new Error(
      `No backend can train this design here: ${timings.map((t) => `${t.backend}: ${t.note}`).join('; ')}`,
    );
  await tf.setBackend(best);
  return { best, timings };
}
