import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset';
import { gpuSkipReason, tryBackend } from './backends';
import {
  BACKENDS,
  type AutoPick,
  type BackendName,
  type BackendTiming,
  type RunDesign,
} from './protocol';
import { createRun, disposeRun } from './run';
import { messageOf } from './stepPolicy';

/**
 * How long Auto may measure before the first step, all backends together, from the first
 * measurement on (starting a backend, e.g. compiling wasm, is not counted): past it, backends not
 * yet tried are passed over (one step of each tried backend is always timed).
 */
export const AUTO_BUDGET_MS = 1000;
/** How long each backend trains the design while Auto times it, after its warm-up step. */
const MEASURE_MS = 100;
/** A warm-up step slower than this (compiling shaders) is not worth timing further. */
const WARMUP_LIMIT_MS = 2000;

export type { AutoPick, BackendTiming } from './protocol';

/** The backend with the most steps per second, or null when none was measured. */
export function fastest(timings: BackendTiming[]): BackendName | null {
  let best: BackendTiming | null = null;
  for (const t of timings)
    if (t.stepsPerSecond !== null && (best === null || t.stepsPerSecond > best.stepsPerSecond!))
      best = t;
  return best?.backend ?? null;
}

/**
 * Steady-state steps per second of the design on the active backend: one warm-up step (kernel
 * set-up, shader compilation) untimed, then steps with their readback until MEASURE_MS or the
 * deadline, at least one.
 */
async function measure(
  design: RunDesign,
  dataset: Dataset,
  now: () => number,
  deadline: number,
): Promise<{ stepsPerSecond: number | null; note?: string }> {
  const run = createRun('auto-probe', design, dataset);
  try {
    const warm = now();
    await run.trainer.trainStep();
    await run.trainer.flush();
    const warmup = now() - warm;
    if (warmup > WARMUP_LIMIT_MS)
      return {
        stepsPerSecond: null,
        note: `its first step took ${(warmup / 1000).toFixed(1)} s (compiling): not timed`,
      };
    const start = now();
    let steps = 0;
    do {
      await run.trainer.trainStep();
      await run.trainer.flush(); // the readback is part of what a step costs
      steps += 1;
    } while (now() - start < MEASURE_MS && now() < deadline);
    return { stepsPerSecond: (steps * 1000) / Math.max(now() - start, 1e-3) };
  } finally {
    disposeRun(run);
  }
}

/**
 * Chooses the backend for a design and leaves it active. A real GPU's WebGPU is taken without
 * measuring. Otherwise every backend that works here is timed on the design itself, within
 * AUTO_BUDGET_MS in all, and the fastest wins; GPUs emulated in software are passed over (on a
 * machine without a GPU they are far slower than wasm, and their warm-up alone takes seconds).
 */
export async function measureBackends(
  design: RunDesign,
  dataset: Dataset,
  now: () => number = () => performance.now(),
): Promise<AutoPick> {
  const timings: BackendTiming[] = [];
  const adapters: Partial<Record<BackendName, string>> = {};
  let deadline = Infinity; // set when the first measurement starts
  for (const backend of BACKENDS) {
    if (backend === 'webgpu' || backend === 'webgl') {
      const { skip } = await gpuSkipReason(backend);
      if (skip) {
        timings.push({ backend, stepsPerSecond: null, note: skip });
        continue;
      }
    }
    if (fastest(timings) && now() > deadline) {
      const note = `not measured: Auto’s ${AUTO_BUDGET_MS / 1000} s was spent`;
      timings.push({ backend, stepsPerSecond: null, note });
      continue;
    }
    const { problem, adapter } = await tryBackend(backend);
    if (problem) {
      timings.push({ backend, stepsPerSecond: null, note: problem });
      continue;
    }
    if (adapter) adapters[backend] = adapter;
    if (backend === 'webgpu')
      return {
        backend,
        timings: [
          { backend, stepsPerSecond: null, note: `a real GPU (${adapter}): no need to measure` },
        ],
        ...(adapter ? { adapter } : {}),
      };
    if (deadline === Infinity) deadline = now() + AUTO_BUDGET_MS;
    try {
      timings.push({ backend, ...(await measure(design, dataset, now, deadline)) });
    } catch (e) {
      timings.push({ backend, stepsPerSecond: null, note: messageOf(e) });
    }
  }
  const best = fastest(timings);
  if (!best)
    throw new Error(
      `No backend can train this design here: ${timings.map((t) => `${t.backend}: ${t.note}`).join('; ')}`,
    );
  await tf.setBackend(best);
  return { backend: best, timings, ...(adapters[best] ? { adapter: adapters[best] } : {}) };
}
