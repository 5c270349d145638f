import { goldenSection, matVec, quadratic } from './gram';
import type { GradientWeighting } from './types';

/** CAGrad's inner objective F(w) = g_w·g₀ + c·‖g₀‖·‖g_w‖ over simplex weights w. */
export function cagradObjective(gram: number[][], w: number[], c: number): number {
  const n = gram.length;
  const g0Norm = Math.sqrt(
    quadratic(
      gram,
      gram.map(() => 1 / n),
    ),
  );
  const rowMeans = matVec(
    gram,
    gram.map(() => 1 / n),
  ); // Mᵢ·1/T = gᵢ·g₀
  return (
    w.reduce((s, wi, i) => s + wi * rowMeans[i]!, 0) + c * g0Norm * Math.sqrt(quadratic(gram, w))
  );
}

/** The simplex weights minimizing F (convex): Frank–Wolfe with a golden-section line search. */
export function cagradWeights(gram: number[][], c: number, iterations = 200): number[] {
  const n = gram.length;
  let w = Array.from({ length: n }, () => 1 / n);
  if (n === 1) return [1];
  const f = (v: number[]) => cagradObjective(gram, v, c);
  if (n === 2) {
    // A 1-D convex problem in w₁, written out in the three Gram entries so that the search costs
    // microseconds (the landscape toy runs it 100 000 times per trajectory).
    const [[g11, g12], [, g22]] = gram as [[number, number], [number, number]];
    const coef = c * 0.5 * Math.sqrt(Math.max(0, g11 + 2 * g12 + g22));
    const w1 = goldenSection((x) => {
      const y = 1 - x;
      const dotG0 = 0.5 * (x * (g11 + g12) + y * (g12 + g22));
      return dotG0 + coef * Math.sqrt(Math.max(0, x * x * g11 + 2 * x * y * g12 + y * y * g22));
    });
    return [w1, 1 - w1];
  }
  for (let k = 0; k < iterations; k++) {
    // ∇F = M·1/T + c‖g₀‖·Mw/‖g_w‖
    const g0Norm = Math.sqrt(
      quadratic(
        gram,
        gram.map(() => 1 / n),
      ),
    );
    const gwNorm = Math.sqrt(quadratic(gram, w));
    const mw = matVec(gram, w);
    const grad = matVec(
      gram,
      gram.map(() => 1 / n),
    ).map((m, i) => m + (gwNorm > 0 ? (c * g0Norm * mw[i]!) / gwNorm : 0));
    const t = grad.indexOf(Math.min(...grad));
    const toward = (gamma: number) => w.map((wi, i) => (1 - gamma) * wi + (i === t ? gamma : 0));
    const gamma = goldenSection((g) => f(toward(g)));
    if (gamma < 1e-7) break;
    w = toward(gamma);
  }
  return w;
}

/**
 * CAGrad (Liu et al., NeurIPS 2021): d = (g₀ + (c·‖g₀‖/‖g_w‖)·g_w) / (1 + c²), as coefficients
 * over the task gradients: cᵢ = (1/T + s·wᵢ)/(1 + c²) with s = c·‖g₀‖/‖g_w‖.
 */
export function cagradCoefficients(gram: number[][], c: number): number[] {
  const n = gram.length;
  const w = cagradWeights(gram, c);
  const g0Norm = Math.sqrt(
    quadratic(
      gram,
      gram.map(() => 1 / n),
    ),
  );
  const gwNorm = Math.sqrt(quadratic(gram, w));
  const s = gwNorm > 0 ? (c * g0Norm) / gwNorm : 0;
  return w.map((wi) => (1 / n + s * wi) / (1 + c * c));
}

/** CAGrad on the shared parameters; task-specific heads keep their own gradients. */
export function cagradWeighting(c: number): GradientWeighting {
  return {
    family: 'gradient',
    level: 'parameters',
    combine: (gram) => ({
      coefficients: cagradCoefficients(gram, c),
      headScales: gram.map(() => 1),
    }),
    dispose: () => undefined,
  };
}
