/**
 * Registers the optional backends for the browser worker: webgpu, and wasm with its binaries
 * served by Vite (tf.js would otherwise look for them next to the script, or on a CDN), then the
 * engine's kernel overrides (src/kernels). Node tests do not import this: they train on tf.js's
 * built-in cpu backend, with the overrides that src/testing/kernelSetup.ts registers.
 */
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerKernelOverrides } from '../kernels/registry';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

// After the backend packages: their imports register the kernels some overrides replace.
registerKernelOverrides();
