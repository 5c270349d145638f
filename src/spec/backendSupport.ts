import { BACKENDS, type BackendName } from '../worker/protocol';
import type { ModelSpec } from './types';

/** Layer types tf.js cannot train on a backend (missing gradient kernels), by backend. */
const UNTRAINABLE: Partial<Record<string, { types: string[]; why: string }>> = {
  wasm: {
    types: ['conv2d', 'embedding'],
    why: 'tf.js has no Conv2DBackpropFilter or UnsortedSegmentSum kernel on wasm',
  },
};

/** Why the active backend cannot train this design, or null. */
export function backendProblem(design: { spec: ModelSpec }, backend: string): string | null {
  const rule = UNTRAINABLE[backend];
  if (!rule) return null;
  const layers = [...design.spec.encoder, ...design.spec.tasks.flatMap((t) => t.head)];
  const blocked = [...new Set(layers.map((l) => l.type).filter((t) => rule.types.includes(t)))];
  if (blocked.length === 0) return null;
  return `The ${backend} backend cannot train ${blocked.join(' or ')} layers (${rule.why}). Reset and choose webgpu, webgl or cpu.`;
}

/**
 * The backend a fresh worker should use after one crashed on `crashed`: the next in the order
 * that can train the design (cpu, the last, trains everything and is kept when it was cpu).
 */
export function nextBackend(crashed: string | null, design: { spec: ModelSpec }): BackendName {
  // BACKENDS is the fallback order everywhere: fastest first on a real GPU.
  const from = BACKENDS.indexOf(crashed as BackendName);
  for (const backend of BACKENDS.slice(from + 1))
    if (!backendProblem(design, backend)) return backend;
  return 'cpu';
}
