import type { GradientWeighting } from './types';

/**
 * GradNorm (Chen et al., ICML 2018) with learnable task weights w (Σw = T). Each step, with
 * Gᵢ = wᵢ‖gᵢ‖, L̃ᵢ = Lᵢ/Lᵢ(0), rᵢ = L̃ᵢ/mean(L̃) and the target Gᵢ* = mean(G)·rᵢ^α held constant,
 * w takes a gradient step on Σ|Gᵢ − Gᵢ*| (∂/∂wᵢ = sign(Gᵢ − Gᵢ*)·‖gᵢ‖), then is clipped at a small
 * positive floor and renormalized to sum to T. The gradients gᵢ are taken at the shared
 * representation (LibMTL's rep_grad) rather than the last shared layer's weights.
 */
export class GradNormState {
  weights: number[];
  private initialLosses: number[] | null = null;

  constructor(
    tasks: number,
    private readonly alpha: number,
    private readonly learningRate: number,
  ) {
    this.weights = Array.from({ length: tasks }, () => 1);
  }

  /** One update of w from this step's Gram matrix and losses. */
  update(gram: number[][], losses: number[]): void {
    const n = this.weights.length;
    this.initialLosses ??= losses.map((l) => Math.max(l, 1e-12));
    const norms = gram.map((row, i) => Math.sqrt(Math.max(0, row[i]!)));
    const g = norms.map((norm, i) => this.weights[i]! * norm);
    const meanG = g.reduce((a, b) => a + b, 0) / n;
    const ratios = losses.map((l, i) => l / this.initialLosses![i]!);
    const meanRatio = ratios.reduce((a, b) => a + b, 0) / n;
    const targets = ratios.map((r) => meanG * Math.pow(r / meanRatio, this.alpha));
    const stepped = this.weights.map((w, i) =>
      Math.max(1e-3, w - this.learningRate * Math.sign(g[i]! - targets[i]!) * norms[i]!),
    );
    const sum = stepped.reduce((a, b) => a + b, 0);
    this.weights = stepped.map((w) => (n * w) / sum);
  }
}

/** GradNorm as a gradient weighting: the step uses w, then w learns. */
export function gradnormWeighting(
  tasks: number,
  alpha: number,
  learningRate: number,
  level: 'representation' | 'parameters',
): GradientWeighting {
  const state = new GradNormState(tasks, alpha, learningRate);
  return {
    family: 'gradient',
    level,
    combine: (gram, losses) => {
      const weights = [...state.weights];
      state.update(gram, losses);
      return { coefficients: weights, headScales: weights };
    },
    dispose: () => undefined,
  };
}
