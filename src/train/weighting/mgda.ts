import { minNormPoint } from './minNorm';
import { coefficientWeighting, type GradientWeighting } from './types';

/**
 * The min-norm point of the convex hull of the task gradients, as simplex weights α. Two tasks:
 * the closed form α₁ = clip(((g₂−g₁)·g₂)/‖g₁−g₂‖², 0, 1) (the landscape toy calls this 100 000
 * times per path). More: Wolfe's exact active-set method (./minNorm.ts); Sener & Koltun
 * (NeurIPS 2018) use Frank–Wolfe, which stops short of the optimum when gradient norms differ.
 */
export function minNormWeights(gram: number[][]): number[] {
  if (gram.length !== 2) return minNormPoint(gram).weights;
  const [[m11, m12], [, m22]] = gram as [[number, number], [number, number]];
  const denom = m11 + m22 - 2 * m12;
  const alpha = denom > 1e-20 ? Math.min(1, Math.max(0, (m22 - m12) / denom)) : 0.5;
  return [alpha, 1 - alpha];
}

/**
 * How each task gradient is scaled before the min-norm problem (LibMTL's `mgda_gn`): 0 none,
 * 1 by ‖gᵢ‖, 2 by the loss Lᵢ, 3 by Lᵢ·‖gᵢ‖. The weights found for the scaled gradients apply
 * to them, so the coefficient of the original gᵢ is αᵢ/sᵢ.
 */
export function mgdaCoefficients(gram: number[][], losses: number[], normalization = 0): number[] {
  const norms = gram.map((row, i) => Math.sqrt(Math.max(0, row[i]!)));
  const scales = norms.map((norm, i) => {
    const loss = Math.abs(losses[i] ?? 1);
    const s = [1, norm, loss, loss * norm][normalization] ?? 1;
    return s > 0 && Number.isFinite(s) ? s : 1;
  });
  const scaled = gram.map((row, i) => row.map((x, j) => x / (scales[i]! * scales[j]!)));
  return minNormWeights(scaled).map((a, i) => a / scales[i]!);
}

/** MGDA-UB: per-task gradients at the shared representation, combined by their min-norm weights. */
export function mgdaWeighting(
  level: 'representation' | 'parameters',
  normalization = 0,
): GradientWeighting {
  return coefficientWeighting(level, (gram, losses) =>
    mgdaCoefficients(gram, losses, normalization),
  );
}
