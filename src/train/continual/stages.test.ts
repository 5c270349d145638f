import { describe, expect, it } from 'vitest';
import type { SequenceSettings } from '../../spec/types';
import {
  accuracyMatrix,
  continualSummary,
  isStageEnd,
  metricSign,
  stageOf,
  stepsToStageEnd,
} from './stages';

const sequence: SequenceSettings = {
  order: ['c', 'a', 'b'],
  stageSteps: 10,
  remedy: 'finetune',
  replayPerTask: 5,
  ewcStrength: 1,
};

describe('task sequence arithmetic', () => {
  it('finds the stage of a step and where it ends', () => {
    expect([0, 9, 10, 29, 30].map((s) => stageOf(s, sequence))).toEqual([0, 0, 1, 2, 2]);
    expect([0, 10, 15, 30].map((s) => isStageEnd(s, sequence))).toEqual([false, true, false, true]);
    expect([0, 3, 10].map((s) => stepsToStageEnd(s, sequence))).toEqual([10, 7, 10]);
  });

  it('reads R from the validations at stage ends, columns in training order', () => {
    // Design order a, b, c; training order c, a, b.
    const evaluations = [
      { step: 5, metrics: [0, 0, 0] },
      { step: 10, metrics: [0.1, 0.2, 0.9] },
      { step: 20, metrics: [0.8, 0.3, 0.6] },
    ];
    expect(accuracyMatrix(sequence, ['a', 'b', 'c'], evaluations)).toEqual([
      [0.9, 0.1, 0.2],
      [0.6, 0.8, 0.3],
    ]);
  });

  it('computes average accuracy, BWT and forgetting as the papers define them', () => {
    // Hand-computed: after stage 3, A = (0.5 + 0.7 + 0.9) / 3 = 0.7;
    // BWT = ((0.5 − 0.9) + (0.7 − 0.8)) / 2 = −0.25;
    // forgetting: task 1 best earlier 0.9 → 0.5 (0.4), task 2 best earlier 0.8 → 0.7 (0.1): 0.25.
    const R = [
      [0.9, 0.1, 0.1],
      [0.6, 0.8, 0.2],
      [0.5, 0.7, 0.9],
    ];
    const summary = continualSummary(R, [1, 1, 1])!;
    expect(summary.average).toBeCloseTo(0.7, 12);
    expect(summary.backwardTransfer).toBeCloseTo(-0.25, 12);
    expect(summary.forgetting).toBeCloseTo(0.25, 12);
    // Two stages in: only the first task can have been forgotten.
    const two = continualSummary(R.slice(0, 2), [1, 1, 1])!;
    expect(two.average).toBeCloseTo(0.7, 12);
    expect(two.backwardTransfer).toBeCloseTo(-0.3, 12);
    expect(two.forgetting).toBeCloseTo(0.3, 12);
    expect(continualSummary(R.slice(0, 1), [1])).toEqual({
      average: 0.9,
      backwardTransfer: null,
      forgetting: null,
    });
  });

  it('counts a rising error as forgetting for lower-is-better metrics', () => {
    const R = [
      [0.2, 1.0],
      [0.5, 0.3],
    ]; // MAE of task 1 went from 0.2 to 0.5: worse
    expect(metricSign('mae')).toBe(-1);
    const summary = continualSummary(R, [metricSign('mae'), metricSign('mae')])!;
    expect(summary.backwardTransfer).toBeCloseTo(-0.3, 12);
    expect(summary.forgetting).toBeCloseTo(0.3, 12);
  });
});
