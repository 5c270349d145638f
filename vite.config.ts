import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { wasmThreads } from './scripts/vite/wasmThreads.ts';

/**
 * The app's Content-Security-Policy: everything from its own origin; `wasm-unsafe-eval` because
 * tf.js's wasm backend compiles WebAssembly; no inline or eval'd script. `blob:` scripts and
 * workers because the wasm backend's threads are workers made from Blobs that tf.js creates in
 * the training worker (only the page's own scripts can make a blob: URL). Inline *styles* stay
 * allowed (React and recharts set style attributes). blob:/data: images are the PNG export.
 * Served by `vite preview` and written to public/_headers for static hosts; the dev server goes
 * without, since Vite's React refresh injects an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Cross-origin isolation, so the wasm backend can share memory between threads
 * (SharedArrayBuffer). The app loads nothing from other origins, so requiring CORP costs nothing.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  // The worker bundle carries tf.js, whose threaded wasm needs mending to survive bundling.
  worker: { format: 'es', plugins: () => [wasmThreads()] },
  server: { headers: ISOLATION_HEADERS },
  build: { chunkSizeWarningLimit: 4000 },
  preview: {
    headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing/kernelSetup.ts', 'src/testing/propertySetup.ts'],
    testTimeout: 60_000,
  },
});
