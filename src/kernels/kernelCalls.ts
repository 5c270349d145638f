import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';

/** A backend object with the name it is registered under (the engine keeps only name → object). */
export interface NamedBackend {
  name: string;
  backend: KernelBackend;
}

/**
 * Runs another kernel of the same backend from inside a kernel, as tf.js's own backends do: the
 * engine's op functions must not be called there (they would record on the tape and in scopes).
 */
export function callKernel(
  { name, backend }: NamedBackend,
  kernelName: string,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const kernel = tf.getKernel(kernelName, name);
  if (!kernel) throw new Error(`tf.js has no ${kernelName} kernel on ${name}`);
  return kernel.kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

/** A view of `x` with another shape, sharing its data; free it with `release`. */
export const reshape = (on: NamedBackend, x: TensorInfo, shape: number[]): TensorInfo =>
  callKernel(on, 'Reshape', { x }, { shape });

/** Drops intermediates made inside a kernel (a reshape's reference or a fresh buffer). */
export const release = ({ backend }: NamedBackend, ...infos: TensorInfo[]): void => {
  for (const info of infos) backend.disposeData(info.dataId);
};
