import * as tf from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';
import { contiguousSlices } from './contiguousSlice';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { maxPoolGrad } from './maxPoolGrad';
import type { KernelOverride } from './override';
import { samePadding } from './samePadding';
import { transposedMatMul } from './transposedMatMul';
import { unsortedSegmentSum } from './unsortedSegmentSum';

/** Every kernel the engine puts in place of tf.js's: one module each, listed here once. */
export const KERNEL_OVERRIDES: KernelOverride[] = [
  ...transposedMatMul,
  ...contiguousSlices,
  ...conv2dBackpropFilter,
  ...samePadding,
  maxPoolGrad,
  unsortedSegmentSum,
];

/** The kernels that were registered before each override took their place (null: none was). */
const replaced = new Map<KernelOverride, KernelConfig | null>();

function config(override: KernelOverride, original: KernelConfig | undefined): KernelConfig {
  const { kernelName, backendName } = override;
  return {
    kernelName,
    backendName,
    // tf.js runs a kernel's setup when its backend starts: the original's must still run.
    ...(original?.setupFunc ? { setupFunc: original.setupFunc } : {}),
    ...(original?.disposeFunc ? { disposeFunc: original.disposeFunc } : {}),
    kernelFunc: ({ inputs, backend, attrs }) =>
      override.kernelFunc(
        { name: backendName, backend: backend as tf.KernelBackend },
        inputs,
        attrs ?? {},
        original ? (i, a) => original.kernelFunc({ inputs: i, backend, attrs: a }) : null,
      ),
  };
}

/**
 * Puts every override whose backend is loaded in place. Call it after importing a backend
 * package (whose import registers that backend's kernels); calling it again registers only what
 * became possible since.
 */
export function registerKernelOverrides(): void {
  for (const override of KERNEL_OVERRIDES) {
    if (replaced.has(override)) continue;
    const { kernelName, backendName } = override;
    const original = tf.getKernel(kernelName, backendName);
    if (override.replaces && !original) continue;
    if (override.uses?.some((name) => !tf.getKernel(name, backendName))) continue;
    if (original) tf.unregisterKernel(kernelName, backendName);
    tf.registerKernel(config(override, original));
    replaced.set(override, original ?? null);
  }
}

/** Puts tf.js's own kernels back (tests compare the two). */
export function unregisterKernelOverrides(): void {
  for (const [override, original] of replaced) {
    tf.unregisterKernel(override.kernelName, override.backendName);
    if (original) tf.registerKernel(original);
  }
  replaced.clear();
}
