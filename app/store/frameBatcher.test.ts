import { describe, expect, it } from 'vitest';
import { createFrameBatcher } from './frameBatcher';

describe('createFrameBatcher', () => {
  it('applies everything that arrived before the frame at once, then starts a new batch', () => {
    const frames: (() => void)[] = [];
    const applied: number[][] = [];
    const push = createFrameBatcher<number>(
      (items) => applied.push(items),
      (cb) => frames.push(cb),
    );
    push(1);
    push(2);
    push(3);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    push(4);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(applied).toEqual([[1, 2, 3], [4]]);
  });
});
