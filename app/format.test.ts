import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatNumber } from './format';

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

describe('formatBytes', () => {
  it('reads byte counts in B, KB and MB', () => {
    expect([812, 24_476, 3_250_000].map(formatBytes)).toEqual(['812 B', '24 KB', '3.1 MB']);
  });
});

describe('formatDuration', () => {
  it('reads seconds, minutes and hours', () => {
    expect([0.4, 45, 200, 3600, 3900].map(formatDuration)).toEqual([
      '0 s',
      '45 s',
      '3 min 20 s',
      '1 h',
      '1 h 5 min',
    ]);
  });
});
