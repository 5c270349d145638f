import { HostAdam } from './hostAdam';
import { tSoftmax, type GradientWeighting } from './types';

/**
 * How GradNorm's weights learn: `direct` (ours, the paper's description) steps w itself with
 * plain gradient descent, clips it at a small floor and renormalizes it to sum to T; `softmax`
 * (LibMTL's) keeps w = T·softmax(ξ) and steps the logits ξ with Adam.
 */
export type GradNormRule = 'direct' | 'softmax';

/**
 * GradNorm (Chen et al., ICML 2018) with learnable task weights w (Σw = T). Each step, with
 * Gᵢ = wᵢ‖gᵢ‖, L̃ᵢ = Lᵢ/Lᵢ(0), rᵢ = L̃ᵢ/mean(L̃) and the target Gᵢ* = mean(G)·rᵢ^α held constant,
 * w learns from the gradient of Σ|Gᵢ − Gᵢ*| (∂/∂wᵢ = sign(Gᵢ − Gᵢ*)·‖gᵢ‖) by `rule`. L(0) is the
 * first step's loss. The gradients gᵢ are taken at the shared representation (LibMTL's rep_grad)
 * rather than the last shared layer's weights.
 */
export class GradNormState {
  weights: number[];
  private initialLosses: number[] | null = null;
  /** The softmax rule's logits and their optimizer. */
  private readonly logits: number[];
  private readonly adam: HostAdam;

  constructor(
    tasks: number,
    private readonly alpha: number,
    private readonly learningRate: number,
    private readonly rule: GradNormRule = 'direct',
  ) {
    this.weights = Array.from({ length: tasks }, () => 1);
    this.logits = this.weights.map(() => 0);
    this.adam = new HostAdam(tasks, learningRate);
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
    const grad = norms.map((norm, i) => Math.sign(g[i]! - targets[i]!) * norm);
    if (this.rule === 'softmax') {
      // w = T·softmax(ξ): ∂/∂ξₖ = T·zₖ·(aₖ − Σᵢ zᵢaᵢ), with aᵢ = ∂/∂wᵢ and z = w/T.
      const z = this.weights.map((w) => w / n);
      const mean = z.reduce((s, zi, i) => s + zi * grad[i]!, 0);
      this.adam.step(
        this.logits,
        z.map((zk, k) => n * zk * (grad[k]! - mean)),
      );
      this.weights = tSoftmax(this.logits);
      return;
    }
    const stepped = this.weights.map((w, i) => Math.max(1e-3, w - this.learningRate * grad[i]!));
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
  rule: GradNormRule = 'direct',
): GradientWeighting {
  const state = new GradNormState(tasks, alpha, learningRate, rule);
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
