import type { Rng } from '../../data/random';
import { shuffledIndices } from '../../data/random';
import { coefficientWeighting, type GradientWeighting } from './types';

/**
 * PCGrad (Yu et al., NeurIPS 2020): for each task i, over the other tasks j in random order, if
 * gᵢ·gⱼ < 0 then gᵢ ← gᵢ − (gᵢ·gⱼ/‖gⱼ‖²)·gⱼ (gⱼ the original gradient); d = Σ gᵢ (the paper),
 * or their mean (a common PyTorch port). A fixed task order makes it deterministic.
 * Each projected gᵢ is tracked as coefficients over the original gradients, so only the Gram
 * matrix is needed: (Σₖ cₖgₖ)·gⱼ = Σₖ cₖMₖⱼ.
 */
export function pcgradCoefficients(
  gram: number[][],
  rng: Rng,
  { randomOrder = true, mean = false }: PcgradConventions = {},
): number[] {
  const n = gram.length;
  const total = Array.from({ length: n }, () => 0);
  for (let i = 0; i < n; i++) {
    const c: number[] = Array.from({ length: n }, (_, k) => (k === i ? 1 : 0));
    const order = randomOrder ? Array.from(shuffledIndices(n, rng)) : gram.map((_, j) => j);
    const others = order.filter((j) => j !== i);
    for (const j of others) {
      const d = c.reduce((s, ck, k) => s + ck * gram[k]![j]!, 0);
      const norm = gram[j]![j]!;
      if (d < 0 && norm > 0) c[j]! -= d / norm;
    }
    c.forEach((ck, k) => (total[k]! += ck));
  }
  return mean ? total.map((c) => c / n) : total;
}

/** Where published implementations of PCGrad differ. */
export interface PcgradConventions {
  /** Projects onto the other tasks in a fresh random order each step (the paper), else in task order. */
  randomOrder?: boolean;
  /** Averages the projected gradients instead of summing them. */
  mean?: boolean;
}

/** PCGrad on the shared parameters; task-specific heads keep their own gradients. */
export function pcgradWeighting(rng: Rng, conventions: PcgradConventions = {}): GradientWeighting {
  return coefficientWeighting('parameters', (gram) => pcgradCoefficients(gram, rng, conventions));
}
