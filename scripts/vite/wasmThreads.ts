import type { Plugin } from 'vite';

/** The one expression in tf.js's wasm backend that cannot survive bundling. */
const FACTORY_SOURCE =
  /`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)/;
const BACKEND_MODULE = /@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;

/**
 * Lets tf.js's wasm backend run its threaded build from a bundle. Each wasm thread is a worker
 * that loads the backend's Emscripten glue from a Blob, and tf.js makes that Blob from
 * `wasmFactoryThreadedSimd.toString()`: once bundled (and minified), that function's text refers
 * to names of the bundle it no longer sits in, every thread dies with "e is not defined", and
 * the backend never finishes initializing. This hands the threads the glue's own source file
 * instead, which defines the same factory as a classic script.
 */
export function wasmThreads(): Plugin {
  return {
    name: 'mtl:tfjs-wasm-threads',
    transform(code, id) {
      if (!BACKEND_MODULE.test(id.split('?')[0]!)) return null;
      if (!FACTORY_SOURCE.test(code))
        this.error('tf.js wasm backend changed: the threaded factory source was not found');
      return {
        code:
          "import threadedGlueSource from '../wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';\n" +
          code.replace(FACTORY_SOURCE, 'threadedGlueSource'),
        map: null,
      };
    },
  };
}
