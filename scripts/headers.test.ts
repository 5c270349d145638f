import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS } from '../vite.config';

describe('response headers', () => {
  const staticHeaders = readFileSync('public/_headers', 'utf8');

  it('the Content-Security-Policy is the same for vite preview and static hosts, with no inline or eval’d script', () => {
    expect(staticHeaders).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`);
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self' 'wasm-unsafe-eval' blob:");
  });

  it('static hosts isolate the page as vite dev and preview do (threads for the wasm backend)', () => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS))
      expect(staticHeaders).toContain(`${name}: ${value}`);
  });
});
