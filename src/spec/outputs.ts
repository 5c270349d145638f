import type { LossKind } from './types';

/** The output activation each loss implies: exported models predict probabilities, not logits. */
export function outputActivationName(loss: LossKind): 'softmax' | 'sigmoid' | 'linear' {
  if (loss === 'softmaxCrossEntropy') return 'softmax';
  if (loss === 'sigmoidBinaryCrossEntropy') return 'sigmoid';
  return 'linear';
}
