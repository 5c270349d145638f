import { describe, expect, it } from 'vitest';
import { appendColumn, compactColumn, emptyColumn, toColumn } from './column';

describe('columns', () => {
  it('append in place into spare room, leaving older views their own values', () => {
    const a = appendColumn(emptyColumn(), [1, 2]);
    const b = appendColumn(a, [3]);
    expect(b.buffer).toBe(a.buffer); // no copy
    expect(Array.from(a)).toEqual([1, 2]);
    expect(Array.from(b)).toEqual([1, 2, 3]);
  });

  it('copy when appending to a view that no longer ends where the writes end', () => {
    const a = appendColumn(emptyColumn(), [1, 2]);
    const b = appendColumn(a, [3]);
    const fromA = appendColumn(a, [7]); // a branch: a's next slot already holds b's 3
    expect(fromA.buffer).not.toBe(a.buffer);
    expect(Array.from(fromA)).toEqual([1, 2, 7]);
    expect(Array.from(b)).toEqual([1, 2, 3]);
    const cut = b.subarray(0, 1);
    expect(Array.from(appendColumn(cut, [5]))).toEqual([1, 5]);
    expect(Array.from(b)).toEqual([1, 2, 3]);
  });

  it('grow past their capacity, keeping every value', () => {
    let c = emptyColumn();
    for (let i = 0; i < 5000; i++) c = appendColumn(c, [i, i + 0.5]);
    expect(c.length).toBe(10000);
    expect(c[9999]).toBe(4999.5);
    expect(c.buffer.byteLength).toBeLessThan(1.6 * 10000 * 8);
  });

  it('compact to exactly their values, and read plain arrays of older records', () => {
    const c = appendColumn(emptyColumn(), [1, 2, 3]);
    expect(c.buffer.byteLength).toBeGreaterThan(3 * 8);
    expect(compactColumn(c).buffer.byteLength).toBe(3 * 8);
    expect(toColumn([4, 5])).toEqual(Float64Array.of(4, 5));
    const column = Float64Array.of(1);
    expect(toColumn(column)).toBe(column);
  });
});
