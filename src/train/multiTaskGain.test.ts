import { describe, expect, it } from 'vitest';
import { deltaM } from './multiTaskGain';

describe('Δm%', () => {
  it('matches hand-computed values', () => {
    // MultiMNIST paper numbers (single-task 97.23/95.90, uniform 96.46/94.99):
    // ((96.46 − 97.23)/97.23 + (94.99 − 95.90)/95.90) / 2 · 100 = (−0.7919 % − 0.9489 %) / 2 = −0.8704 %
    expect(
      deltaM([
        { metric: 'accuracy', multiTask: 96.46, baseline: 97.23 },
        { metric: 'accuracy', multiTask: 94.99, baseline: 95.9 },
      ]),
    ).toBeCloseTo(-0.8704, 3);
    // Lower is better for MAE: an MAE of 0.8 against a baseline of 1.0 is a 20 % gain;
    // accuracy 0.9 against 0.95 is a 5.263 % loss: (20 − 5.263) / 2 = 7.368 %.
    expect(
      deltaM([
        { metric: 'mae', multiTask: 0.8, baseline: 1 },
        { metric: 'accuracy', multiTask: 0.9, baseline: 0.95 },
      ]),
    ).toBeCloseTo(7.368, 3);
  });

  it('has no value without baselines or with a zero baseline', () => {
    expect(deltaM([])).toBeNull();
    expect(deltaM([{ metric: 'rmse', multiTask: 0.1, baseline: 0 }])).toBeNull();
  });
});
