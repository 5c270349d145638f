import type { LossKind } from './types';

/** What a task's validation metric is: accuracy in [0, 1] for classification, MAE for regression. */
export function metricLabel(loss: LossKind): 'accuracy' | 'MAE' {
  return loss === 'mse' || loss === 'mae' ? 'MAE' : 'accuracy';
}
