import { BACKENDS, type BackendName } from '../worker/protocol';

/**
 * The backend a fresh worker should use after one crashed on `crashed`: the next in the order
 * fastest-on-a-real-GPU first (cpu, the last, is kept when it was cpu). Every backend trains
 * every layer type: where tf.js lacks a kernel, the engine registers its own (src/kernels).
 */
export function nextBackend(crashed: string | null): BackendName {
  const from = BACKENDS.indexOf(crashed as BackendName);
  return BACKENDS[Math.min(from + 1, BACKENDS.length - 1)]!;
}
