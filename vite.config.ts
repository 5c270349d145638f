import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The app's Content-Security-Policy: everything from its own origin; `wasm-unsafe-eval` because
 * tf.js's wasm backend compiles WebAssembly; no inline or eval'd script. Inline *styles* stay
 * allowed (React and recharts set style attributes). blob:/data: images are the PNG export.
 * Served by `vite preview` and written to public/_headers for static hosts; the dev server goes
 * without, since Vite's React refresh injects an inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 4000 },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
