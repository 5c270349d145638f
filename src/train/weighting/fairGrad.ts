import { alphaFairWeights } from './alphaFair';
import { coefficientWeighting, type GradientWeighting } from './types';

/**
 * FairGrad (Ban & Ji, ICML 2024, "Fair Resource Allocation in Multi-Task Learning"): the α-fair
 * allocation d = Σ wᵢgᵢ with (Mw)ᵢ = wᵢ^(−1/α) (./alphaFair.ts). α = 1 is Nash-MTL's proportional
 * fairness; a larger α favours the task that gains least, α → ∞ approaches max-min fairness.
 */
export function fairGradWeighting(alpha: number): GradientWeighting {
  return coefficientWeighting('parameters', (gram) => alphaFairWeights(gram, alpha));
}
