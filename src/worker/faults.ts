import * as tf from '@tensorflow/tfjs';
import type { Fault } from './protocol';

/**
 * Makes the worker fail the way real workers do, for the browser tests of recovery. Only test
 * builds (VITE_FAULTS=on) import this module; production bundles do not contain it.
 * `atNextStep` runs its argument before the training loop's next step.
 */
export function injectFault(fault: Fault, atNextStep: (act: () => void) => void): void {
  switch (fault) {
    case 'exception':
      // Thrown outside every handler: it reaches the worker's global error event, as a bug would.
      setTimeout(() => {
        throw new Error('Injected fault: an exception escaped the worker');
      });
      return;
    case 'outOfMemory':
      atNextStep(() => {
        // The error V8 throws when an allocation fails. Exhausting memory for real would depend
        // on the machine (and take the test machine down with it).
        throw new RangeError('Array buffer allocation failed');
      });
      return;
    case 'deviceLost': {
      const device = (tf.backend() as unknown as { device?: { destroy(): void } }).device;
      if (tf.getBackend() === 'webgpu' && device)
        device.destroy(); // device.lost resolves for real
      else
        atNextStep(() => {
          throw new Error(`The GPU device was lost (injected on ${tf.getBackend()})`);
        });
      return;
    }
  }
}
