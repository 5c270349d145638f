import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../data/csv/tokenizer';
import { historyCsv } from './historyCsv';

describe('history CSV', () => {
  it('has a row per training step with validation values on the steps that had them', () => {
    const text = historyCsv({
      tasks: ['circle', 'wave'],
      trainLoss: {
        steps: [1, 2],
        values: [
          [0.7, 0.6],
          [0.3, 0.2],
        ],
      },
      weights: {
        steps: [1, 2],
        values: [
          [1, 1],
          [2, 2],
        ],
      },
      valLoss: { steps: [2], values: [[0.65], [0.25]] },
      valMetric: { steps: [2], values: [[0.8], [0.4]] },
      trainTime: [0.1, 0.2],
    });
    // Our own CSV reader reads it back.
    expect(parseCsvText(text)).toEqual([
      [
        'step',
        'train_seconds',
        'circle_train_loss',
        'circle_lambda',
        'circle_val_loss',
        'circle_val_metric',
        'wave_train_loss',
        'wave_lambda',
        'wave_val_loss',
        'wave_val_metric',
      ],
      ['1', '0.1', '0.7', '1', '', '', '0.3', '2', '', ''],
      ['2', '0.2', '0.6', '1', '0.65', '0.8', '0.2', '2', '0.25', '0.4'],
    ]);
  });
});
