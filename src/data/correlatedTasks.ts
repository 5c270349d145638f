import type { DataSpec } from '../spec/types';
import { splitColumns, targetInfos, type Dataset, type DescribedTarget } from './dataset';
import { createRng, deriveSeed } from './random';

/** Input width of the table, as in the MMoE paper. */
export const CORRELATED_FEATURES = 100;
export const CORRELATED_INPUT = { kind: 'features', size: CORRELATED_FEATURES } as const;
/** The correlation ρ of a new table: half way, where the paper's architectures part. */
export const DEFAULT_CORRELATION = 0.5;
/** Sine terms in each label. */
const SINES = 10;

export const CORRELATED_TARGETS: Record<string, DescribedTarget> = {
  y1: { kind: 'regression', dims: 1, description: 'y₁ = w₁·x + Σ sin(αⱼ w₁·x + βⱼ)' },
  y2: {
    kind: 'regression',
    dims: 1,
    description: 'y₂ = w₂·x + Σ sin(αⱼ w₂·x + βⱼ), w₂ at cos ρ to w₁',
  },
};

/** `n` standard normal numbers. */
const normals = (n: number, normal: () => number) => Float64Array.from({ length: n }, normal);

/** Two orthogonal unit vectors of `d` numbers (Gram–Schmidt on two normal draws). */
function orthonormalPair(d: number, normal: () => number): [Float64Array, Float64Array] {
  const u1 = normals(d, normal);
  const u2 = normals(d, normal);
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);
  const scale = (a: Float64Array) => {
    const norm = Math.sqrt(dot(a, a));
    for (let i = 0; i < d; i++) a[i]! /= norm;
  };
  scale(u1);
  const along = dot(u2, u1);
  for (let i = 0; i < d; i++) u2[i]! -= along * u1[i]!;
  scale(u2);
  return [u1, u2];
}

/**
 * The MMoE paper's synthetic table (Ma et al., KDD 2018, §3.2), two regressions whose relatedness
 * is one number: w₁ = u₁ and w₂ = ρ·u₁ + √(1 − ρ²)·u₂ for orthonormal u₁, u₂, so cos(w₁, w₂) = ρ;
 * x ~ N(0, I₁₀₀); yᵢ = wᵢ·x + Σⱼ sin(αⱼ wᵢ·x + βⱼ) + εᵢ with the same αⱼ, βⱼ ~ N(0, 1) for both
 * tasks (j = 1…10). Noise is εᵢ's standard deviation (the paper's 0.1 at noise 0.1). The labels'
 * correlation grows with ρ but is not ρ: the sines bend it.
 */
export function generateCorrelatedTasks(spec: DataSpec): Dataset {
  const rho = spec.correlation ?? DEFAULT_CORRELATION;
  const size = Math.max(0, Math.floor(spec.size));
  const shape = createRng(deriveSeed(spec.seed, 13));
  const [u1, u2] = orthonormalPair(CORRELATED_FEATURES, shape.normal);
  const w2 = u1.map((v, i) => rho * v + Math.sqrt(1 - rho * rho) * u2[i]!);
  const alpha = normals(SINES, shape.normal);
  const beta = normals(SINES, shape.normal);
  const label = (z: number, noise: number) => {
    let y = z + noise;
    for (let j = 0; j < SINES; j++) y += Math.sin(alpha[j]! * z + beta[j]!);
    return y;
  };
  const rng = createRng(spec.seed);
  const x = new Float32Array(size * CORRELATED_FEATURES);
  const y1 = new Float32Array(size);
  const y2 = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    let z1 = 0;
    let z2 = 0;
    for (let f = 0; f < CORRELATED_FEATURES; f++) {
      const v = rng.normal();
      x[i * CORRELATED_FEATURES + f] = v;
      z1 += u1[f]! * v;
      z2 += w2[f]! * v;
    }
    y1[i] = label(z1, spec.noise * rng.normal());
    y2[i] = label(z2, spec.noise * rng.normal());
  }
  return {
    name: 'correlated',
    input: CORRELATED_INPUT,
    targets: targetInfos(CORRELATED_TARGETS),
    ...splitColumns(x, { y1, y2 }, size, spec.valFraction),
  };
}
