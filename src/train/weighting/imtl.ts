import { solveLinear } from './linearAlgebra';
import { coefficientWeighting, type GradientWeighting } from './types';

/**
 * IMTL-G (Liu et al., ICLR 2021, "Towards Impartial Multi-task Learning"): the combination
 * d = Σ αᵢgᵢ, Σ αᵢ = 1, whose projection onto every task's unit gradient uᵢ = gᵢ/‖gᵢ‖ is the same,
 * so no task is favoured, however large its gradient. With D the rows g₁ − gⱼ and U the rows
 * u₁ − uⱼ (j = 2…T), α₂…T = g₁Uᵀ(DUᵀ)⁻¹ and α₁ = 1 − Σⱼ αⱼ; every product is a Gram entry over
 * norms (gₐ·u_b = Mₐb/‖g_b‖). A vanishing gradient or a singular system falls back to 1/T.
 */
export function imtlCoefficients(gram: number[][]): number[] {
  const n = gram.length;
  const uniform = gram.map(() => 1 / n);
  if (n === 1) return [1];
  const norms = gram.map((row, i) => Math.sqrt(Math.max(0, row[i]!)));
  if (norms.some((x) => !(x > 0))) return uniform;
  const gu = (a: number, b: number) => gram[a]![b]! / norms[b]!;
  const others = Array.from({ length: n - 1 }, (_, k) => k + 1);
  // (DUᵀ)ⱼₖ = (g₁ − gⱼ)·(u₁ − uₖ); the row system α(DUᵀ) = g₁Uᵀ, transposed.
  const du = others.map((j) => others.map((k) => gu(0, 0) - gu(0, k) - gu(j, 0) + gu(j, k)));
  const transposed = others.map((_, k) => others.map((__, j) => du[j]![k]!));
  const rhs = others.map((k) => gu(0, 0) - gu(0, k));
  const rest = solveLinear(transposed, rhs);
  if (!rest || !rest.every(Number.isFinite)) return uniform;
  return [1 - rest.reduce((s, x) => s + x, 0), ...rest];
}

/** IMTL-G at the shared representation where there is one (as the paper does), else the parameters. */
export function imtlWeighting(level: 'representation' | 'parameters'): GradientWeighting {
  return coefficientWeighting(level, imtlCoefficients);
}
