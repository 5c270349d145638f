import { describe, expect, it } from 'vitest';
import { withTimeout } from './backends';

describe('backend initialization', () => {
  it('gives up on a backend that never finishes initializing', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20)).rejects.toThrow(
      'did not initialize within 0.02 s',
    );
    await expect(withTimeout(Promise.resolve(true), 20)).resolves.toBe(true);
  });
});
