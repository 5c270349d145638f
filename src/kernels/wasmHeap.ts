import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs';

/** The wasm backend's memory, which the engine's KernelBackend type does not show. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: TensorInfo['dtype']): TensorInfo;
  /** A view of the tensor's bytes in the wasm heap: no copy (unlike readSync). */
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

export const wasmHeap = (backend: KernelBackend): WasmBackend => backend as unknown as WasmBackend;
