import type { DataSpec } from '../spec/types';
import { splitColumns, type Dataset, type TargetInfo } from './dataset';
import { createRng, deriveSeed } from './random';

/** Input width and per-task output width of the toy, as in the GradNorm paper. */
export const GRADNORM_FEATURES = 250;
export const GRADNORM_OUTPUTS = 100;
/** Task counts the toy offers: the paper uses 2 and 10. */
export const GRADNORM_MAX_TASKS = 10;
export const GRADNORM_INPUT = { kind: 'features', size: GRADNORM_FEATURES } as const;
/** σᵢ of a new toy: two tasks a hundredfold apart, the imbalance GradNorm is meant to fix. */
export const DEFAULT_GRADNORM_SCALES = [1, 100];

/** Target name of task i (0-based): t1, t2, … */
export const gradnormTarget = (i: number): string => `t${i + 1}`;

/** The toy's targets for a list of scales σᵢ. */
export function gradnormTargets(scales: readonly number[]): Record<string, TargetInfo> {
  return Object.fromEntries(
    scales.map((_, i) => [gradnormTarget(i), { kind: 'regression', dims: GRADNORM_OUTPUTS }]),
  );
}

/** A matrix of `rows × cols` entries drawn from N(0, variance). */
function gaussianMatrix(rows: number, cols: number, variance: number, next: () => number) {
  const m = new Float32Array(rows * cols);
  const sd = Math.sqrt(variance);
  for (let i = 0; i < m.length; i++) m[i] = sd * next();
  return m;
}

/**
 * GradNorm's toy regression (Chen et al., ICML 2018): fᵢ(x) = σᵢ·tanh((B + εᵢ)·x) with B entries
 * N(0, 10) common to all tasks, εᵢ entries N(0, 3.5) per task (variances), x ~ U(−1, 1)²⁵⁰. The
 * tasks are alike up to εᵢ but their losses differ by σᵢ², so equal weights let the largest σ rule.
 * Noise adds N(0, (noise·σᵢ/10)²) to each target value.
 */
export function generateGradnormToy(spec: DataSpec): Dataset {
  const scales = spec.scales ?? DEFAULT_GRADNORM_SCALES;
  const size = Math.max(0, Math.floor(spec.size));
  const matrices = createRng(deriveSeed(spec.seed, 11));
  const b = gaussianMatrix(GRADNORM_OUTPUTS, GRADNORM_FEATURES, 10, matrices.normal);
  const perTask = scales.map(() => {
    const m = gaussianMatrix(GRADNORM_OUTPUTS, GRADNORM_FEATURES, 3.5, matrices.normal);
    for (let k = 0; k < m.length; k++) m[k]! += b[k]!;
    return m;
  });
  const rng = createRng(spec.seed);
  const x = new Float32Array(size * GRADNORM_FEATURES);
  for (let k = 0; k < x.length; k++) x[k] = rng.next() * 2 - 1;
  const columns: Record<string, Float32Array> = {};
  scales.forEach((sigma, t) => {
    const w = perTask[t]!;
    const y = new Float32Array(size * GRADNORM_OUTPUTS);
    for (let i = 0; i < size; i++) {
      const xi = i * GRADNORM_FEATURES;
      for (let o = 0; o < GRADNORM_OUTPUTS; o++) {
        const wo = o * GRADNORM_FEATURES;
        let z = 0;
        for (let f = 0; f < GRADNORM_FEATURES; f++) z += w[wo + f]! * x[xi + f]!;
        y[i * GRADNORM_OUTPUTS + o] =
          sigma * Math.tanh(z) + (spec.noise * sigma * rng.normal()) / 10;
      }
    }
    columns[gradnormTarget(t)] = y;
  });
  return {
    name: 'gradnorm',
    input: GRADNORM_INPUT,
    targets: gradnormTargets(scales),
    ...splitColumns(x, columns, size, spec.valFraction),
  };
}
