import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from './defaults';
import { PRESETS } from '../design/presets';
import { inferShapes } from './shapes';
import { estimateSize, MEMORY_BUDGET_BYTES } from './sizeBudget';
import type { ModelSpec } from './types';
import { validateDesign } from '../design/validateDesign';

const dense = (units: number) => ({ type: 'dense', units, activation: 'relu', l2: 0 }) as const;

describe('size budget', () => {
  it('counts parameters with optimizer state and activations per batch', () => {
    const e = estimateSize(inferShapes(DEFAULT_MODEL), 32);
    expect(e.params).toBe(371);
    expect(e.paramBytes).toBe(371 * 4 * 4);
    // 16 + 16 hidden values, 2 + 1 outputs per example, ×3 copies, float32.
    expect(e.activationBytes).toBe((16 + 16 + 2 + 1) * 32 * 4 * 3);
  });

  it('lets every preset train', () => {
    for (const p of PRESETS) expect(validateDesign(p)).toEqual([]);
  });

  it('refuses a design over the budget, saying how big and what to shrink', () => {
    const huge: ModelSpec = {
      ...DEFAULT_MODEL,
      encoder: Array.from({ length: 20 }, () => dense(4096)),
    };
    const [problem] = validateDesign({ spec: huge, config: DEFAULT_TRAIN, data: DEFAULT_DATA });
    expect(problem?.message).toMatch(
      /^This design needs about [\d.]+ GB to train \(3\d\d\.\d M parameters: .*over the 1 GB limit: shrink Shared layer \d+ /,
    );
    expect(estimateSize(inferShapes(huge), 32).totalBytes).toBeGreaterThan(MEMORY_BUDGET_BYTES);
  });

  it('blames the batch when activations dominate', () => {
    const wide: ModelSpec = { ...DEFAULT_MODEL, encoder: [dense(4096), dense(4096)] };
    const [problem] = validateDesign({
      spec: wide,
      config: { ...DEFAULT_TRAIN, batchSize: 8192 },
      data: DEFAULT_DATA,
    });
    expect(problem?.message).toMatch(
      /^This design needs about 1\.01 GB .* lower the batch size \(8192\) or the output of Shared layer \d/,
    );
  });
});
