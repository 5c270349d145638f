import { createRng } from '../../data/random';
import { alignedCoefficients } from '../weighting/alignedMtl';
import { cagradCoefficients } from '../weighting/cagrad';
import { combineVectors, gramOf } from '../weighting/gram';
import { alphaFairWeights } from '../weighting/alphaFair';
import { gradvacWeighting } from '../weighting/gradvac';
import { imtlCoefficients } from '../weighting/imtl';
import type { GramWeighting } from '../weighting/types';
import { minNormWeights } from '../weighting/mgda';
import { nashCoefficients } from '../weighting/nashMtl';
import { pcgradCoefficients } from '../weighting/pcgrad';
import { rlwDraw } from '../weighting/rlw';
import { upgradCoefficients } from '../weighting/upgrad';
import { toyLosses, type Point } from './cagradToy';
import { FamoLogits } from './famoToy';
import { HostAdam } from '../weighting/hostAdam';

import { TOY_STRATEGIES, type ToyStrategy } from './toyStrategies';

export { TOY_STRATEGIES, type ToyStrategy };

export interface TrajectoryOptions {
  steps: number;
  learningRate: number;
  cagradC: number;
  fairgradAlpha: number;
  seed: number;
  /** Keep one point every this many steps (the first and last are always kept). */
  every: number;
}

export const DEFAULT_TRAJECTORY: TrajectoryOptions = {
  steps: 100_000,
  learningRate: 1e-3,
  cagradC: 0.5,
  fairgradAlpha: 2,
  seed: 1,
  every: 100,
};

/** The direction a strategy takes from the two task gradients (the same combiners as training). */
function direction(
  strategy: ToyStrategy,
  { losses, grads }: ReturnType<typeof toyLosses>,
  options: TrajectoryOptions,
  state: {
    rng: ReturnType<typeof createRng>;
    famo: FamoLogits | null;
    gradvac: GramWeighting | null;
  },
): Point {
  const { rng } = state;
  const g = grads as unknown as number[][];
  const gram = gramOf(g);
  const coefficients = (() => {
    switch (strategy) {
      case 'equal':
        return [0.5, 0.5]; // the papers' baseline: the mean loss
      case 'mgda':
        return minNormWeights(gram);
      case 'pcgrad':
        return pcgradCoefficients(gram, rng).map((c) => c / 2);
      case 'cagrad':
        return cagradCoefficients(gram, options.cagradC);
      case 'rlw':
        return rlwDraw(2, rng).map((w) => w / 2);
      case 'imtl':
        return imtlCoefficients(gram);
      case 'aligned':
        return alignedCoefficients(gram).map((c) => c / 2);
      case 'nash':
        return nashCoefficients(gram);
      case 'fairgrad':
        return alphaFairWeights(gram, options.fairgradAlpha);
      case 'upgrad':
        return upgradCoefficients(gram).map((c) => c / 2);
      case 'famo':
        return state.famo!.coefficients(losses);
      case 'gradvac':
        return state.gradvac!.combine(gram, losses).coefficients.map((c) => c / 2);
    }
  })();
  return combineVectors(g, coefficients) as Point;
}

/**
 * One strategy descending the toy from one start with Adam (as the papers do), advanced in
 * slices so a worker can post the path as it grows.
 */
export class ToyTrajectory {
  readonly path: Point[];
  private readonly x: Point;
  private readonly adam: HostAdam;
  private t = 0;
  private readonly rng: ReturnType<typeof createRng>;
  /** FAMO's weights, which learn from each step's outcome. */
  private readonly famo: FamoLogits | null;
  /** GradVac's running cosine targets. */
  private readonly gradvac: GramWeighting | null;

  constructor(
    readonly strategy: ToyStrategy,
    start: Point,
    private readonly options: TrajectoryOptions = DEFAULT_TRAJECTORY,
  ) {
    this.x = [...start];
    this.adam = new HostAdam(2, options.learningRate);
    this.path = [[...start]];
    this.rng = createRng(options.seed);
    // Without weight decay on its logits (docs/SCIENCE.md, the two-objective toy).
    this.famo = strategy === 'famo' ? new FamoLogits(2, 0.025, 0) : null;
    this.gradvac = strategy === 'gradvac' ? gradvacWeighting(0.01, this.rng) : null;
  }

  /** Whether every step has been taken. */
  get done(): boolean {
    return this.t >= this.options.steps;
  }

  /** Takes up to `count` more steps; returns the points this added to the path. */
  advance(count: number): Point[] {
    const before = this.path.length;
    const until = Math.min(this.options.steps, this.t + count);
    while (this.t < until) {
      const t = ++this.t;
      const state = { rng: this.rng, famo: this.famo, gradvac: this.gradvac };
      const d = direction(this.strategy, toyLosses(this.x), this.options, state);
      this.adam.step(this.x, d);
      this.famo?.update(toyLosses(this.x).losses);
      if (t % this.options.every === 0 || t === this.options.steps) this.path.push([...this.x]);
    }
    return this.path.slice(before);
  }
}

/** Runs one trajectory to the end and returns its path. */
export function runTrajectory(
  strategy: ToyStrategy,
  start: Point,
  options: TrajectoryOptions = DEFAULT_TRAJECTORY,
): Point[] {
  const trajectory = new ToyTrajectory(strategy, start, options);
  trajectory.advance(options.steps);
  return trajectory.path;
}
