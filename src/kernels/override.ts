import type { NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import type { NamedBackend } from './kernelCalls';

/** A kernel's result: one tensor, or several (SplitV). */
export type KernelResult = TensorInfo | TensorInfo[];

/** The kernel an override replaces, called with the same backend. */
export type OriginalKernel = (inputs: NamedTensorInfoMap, attrs: NamedAttrMap) => KernelResult;

/**
 * One kernel the engine registers for one backend in place of tf.js's (or where tf.js has none),
 * because tf.js's is slow or missing there. Each is tested against tf.js's reference result.
 */
export interface KernelOverride {
  kernelName: string;
  backendName: string;
  /** It replaces tf.js's own kernel: registered only where that one exists (its backend is loaded). */
  replaces?: boolean;
  /** Kernels of the same backend it calls: registered only where they all exist. */
  uses?: string[];
  kernelFunc: (
    on: NamedBackend,
    inputs: NamedTensorInfoMap,
    attrs: NamedAttrMap,
    original: OriginalKernel | null,
  ) => KernelResult;
}
