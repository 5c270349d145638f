import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../vite.config';

describe('Content-Security-Policy', () => {
  it('is the same for vite preview and static hosts, with no inline or eval’d script', () => {
    expect(readFileSync('public/_headers', 'utf8')).toContain(
      `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
    );
    const script = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self' 'wasm-unsafe-eval'");
  });
});
