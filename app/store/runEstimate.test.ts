import { describe, expect, it } from 'vitest';
import { secondsLeft } from './runEstimate';

describe('secondsLeft', () => {
  it('is the steps left over the measured speed, unknown without a budget or a speed', () => {
    expect(secondsLeft(500, 2000, 5)).toBe(300);
    expect(secondsLeft(2500, 2000, 5)).toBe(0);
    expect(secondsLeft(0, null, 5)).toBeNull();
    expect(secondsLeft(0, 2000, null)).toBeNull();
    expect(secondsLeft(0, 2000, 0)).toBeNull();
  });
});
