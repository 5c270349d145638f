import * as tf from '@tensorflow/tfjs';

/** Puts tf.js on its cpu backend for Node tests (the browser worker picks its own). */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
