import { createRng } from '../../data/random';
import type { StrategyId } from '../../spec/weighting';
import { cagradCoefficients } from '../weighting/cagrad';
import { combineVectors, gramOf } from '../weighting/gram';
import { minNormWeights } from '../weighting/mgda';
import { pcgradCoefficients } from '../weighting/pcgrad';
import { rlwDraw } from '../weighting/rlw';
import { toyLosses, type Point } from './cagradToy';

/** Strategies the landscape view can run: those defined on raw gradients of θ = x. */
export const TOY_STRATEGIES = ['equal', 'mgda', 'pcgrad', 'cagrad', 'rlw'] as const satisfies readonly StrategyId[];
export type ToyStrategy = (typeof TOY_STRATEGIES)[number];

export interface TrajectoryOptions {
  steps: number;
  learningRate: number;
  cagradC: number;
  seed: number;
  /** Keep one point every this many steps (the first and last are always kept). */
  every: number;
}

export const DEFAULT_TRAJECTORY: TrajectoryOptions = { steps: 100_000, learningRate: 1e-3, cagradC: 0.5, seed: 1, every: 100 };

/** The direction a strategy takes from the two task gradients (the same combiners as training). */
function direction(strategy: ToyStrategy, grads: [Point, Point], options: TrajectoryOptions, rng: ReturnType<typeof createRng>): Point {
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
    }
  })();
  return combineVectors(g, coefficients) as Point;
}

/**
 * Runs one strategy from one start with Adam (as the papers do) and returns the path, every
 * `every` steps. Cheap enough to run all strategies from all starts in well under a second.
 */
export function runTrajectory(strategy: ToyStrategy, start: Point, options: TrajectoryOptions = DEFAULT_TRAJECTORY): Point[] {
  const rng = createRng(options.seed);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const x: Point = [...start];
  const m = [0, 0];
  const v = [0, 0];
  const path: Point[] = [[...x]];
  for (let t = 1; t <= options.steps; t++) {
    const d = direction(strategy, toyLosses(x).grads, options, rng);
    for (let k = 0; k < 2; k++) {
      m[k] = b1 * m[k]! + (1 - b1) * d[k];
      v[k] = b2 * v[k]! + (1 - b2) * d[k] * d[k];
      const mHat = m[k]! / (1 - b1 ** t);
      const vHat = v[k]! / (1 - b2 ** t);
      x[k] -= (options.learningRate * mHat) / (Math.sqrt(vHat) + eps);
    }
    if (t % options.every === 0 || t === options.steps) path.push([...x]);
  }
  return path;
}
