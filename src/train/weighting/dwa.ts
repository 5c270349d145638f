import type { StepLosses } from '../records';
import { hostWeighting } from './hostWeights';
import { tSoftmax, type LossWeighting } from './types';

/**
 * Dynamic Weight Average (Liu et al., CVPR 2019): rᵢ = Lᵢ(t−1)/Lᵢ(t−2) over the last two windows
 * of `window` steps (the paper's epochs); λᵢ = T·exp(rᵢ/τ)/Σⱼexp(rⱼ/τ); λᵢ = 1 until two windows exist.
 */
export class DwaState {
  private sums: number[] = [];
  private count = 0;
  private windows: number[][] = [];

  constructor(
    private readonly window: number,
    private readonly temperature: number,
  ) {}

  /** Adds read-back losses; closes a window every `window` steps. */
  observe(steps: StepLosses[]): void {
    for (const s of steps) {
      if (this.sums.length === 0) this.sums = s.losses.map(() => 0);
      s.losses.forEach((l, i) => (this.sums[i]! += l));
      if (++this.count === this.window) {
        this.windows = [...this.windows.slice(-1), this.sums.map((v) => v / this.count)];
        this.sums = this.sums.map(() => 0);
        this.count = 0;
      }
    }
  }

  /** The weights for the next step. */
  weights(tasks: number): number[] {
    if (this.windows.length < 2) return Array.from({ length: tasks }, () => 1);
    const [before, last] = this.windows as [number[], number[]];
    return tSoftmax(last.map((l, i) => l / Math.max(before[i]!, 1e-12) / this.temperature));
  }
}

/** DWA as a loss weighting. */
export function dwaWeights(window: number, temperature: number): LossWeighting {
  const state = new DwaState(window, temperature);
  return hostWeighting(
    (lambdas) => state.weights(lambdas.length),
    (steps) => state.observe(steps),
  );
}
