/** Backends tf.js can train on here, fastest first when a GPU is present. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** What the user asks for: a backend, or `auto` for the best one that works. */
export type BackendChoice = 'auto' | BackendName;

/**
 * The backend a fresh worker should use after one crashed on `crashed`: the next in the order
 * fastest-on-a-real-GPU first (cpu, the last, is kept when it was cpu). Every backend trains
 * every layer type: where tf.js lacks a kernel, the engine registers its own (src/kernels).
 */
export function nextBackend(crashed: string | null): BackendName {
  const from = BACKENDS.indexOf(crashed as BackendName);
  return BACKENDS[Math.min(from + 1, BACKENDS.length - 1)]!;
}
