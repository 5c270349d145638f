import { describe, expect, it } from 'vitest';
import { formatNumber } from './format';

describe('formatNumber', () => {
  it('keeps four significant digits that Number() reads back', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(1234567)).toBe('1235000');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Infinity)).toBe('Infinity');
  });

  it('writes a huge value (a diverging loss) with an exponent', () => {
    expect(formatNumber(6.1953e20)).toBe('6.195e+20');
    expect(Number(formatNumber(6.1953e20))).toBe(6.195e20);
  });
});
