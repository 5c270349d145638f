import type { DataSpec } from '../spec/types';
import { splitColumns, targetInfos, type Dataset, type DescribedTarget } from './dataset';
import { createRng, deriveSeed } from './random';

/** Spiral arms turn this many times between the centre and radius 1. */
const SPIRAL_TURNS = 1.75;
/** Centres of the two Gaussian clusters of the `gauss` task. */
const GAUSS_CENTRE = 0.4;

/**
 * Points in [-1, 1]² that carry several labels at once (the sets of TensorFlow Playground, each a
 * task here), so that tasks which share geometry (circle and bowl both depend on the radius) and
 * tasks which do not (xor, spiral) sit side by side on the same inputs.
 */
export const TOY2D_TARGETS: Record<string, DescribedTarget> = {
  circle: { kind: 'classification', classes: 2, description: 'inside a circle of radius 0.7' },
  xor: { kind: 'classification', classes: 2, description: 'sign of x₁·x₂' },
  gauss: {
    kind: 'classification',
    classes: 2,
    description: 'nearer of two Gaussian clusters at ±(0.4, 0.4)',
  },
  spiral: {
    kind: 'classification',
    classes: 2,
    description: 'which of two interleaved spiral arms',
  },
  wave: { kind: 'regression', dims: 1, description: 'sin(πx₁)·cos(πx₂/2)' },
  bowl: { kind: 'regression', dims: 1, description: 'x₁² + x₂²' },
  plane: { kind: 'regression', dims: 1, description: '(x₁ + x₂)/2' },
};

export const TOY2D_INPUT = { kind: 'features', size: 2 } as const;

/** Arm of the two-arm spiral r·2π·turns = θ (mod 2π) a point lies on: 1 or 0. */
export function spiralArm(x1: number, x2: number): number {
  const r = Math.hypot(x1, x2);
  const phase = Math.atan2(x2, x1) - 2 * Math.PI * SPIRAL_TURNS * r;
  const wrapped = ((phase % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return wrapped < Math.PI ? 1 : 0;
}

/** The noise-free label of every task at one point, in the order of TOY2D_TARGETS. */
export function toy2dLabels(x1: number, x2: number): Record<string, number> {
  const d1 = (x1 - GAUSS_CENTRE) ** 2 + (x2 - GAUSS_CENTRE) ** 2;
  const d2 = (x1 + GAUSS_CENTRE) ** 2 + (x2 + GAUSS_CENTRE) ** 2;
  return {
    circle: x1 * x1 + x2 * x2 < 0.49 ? 1 : 0,
    xor: x1 * x2 > 0 ? 1 : 0,
    gauss: d1 < d2 ? 1 : 0,
    spiral: spiralArm(x1, x2),
    wave: Math.sin(Math.PI * x1) * Math.cos((Math.PI * x2) / 2),
    bowl: x1 * x1 + x2 * x2,
    plane: (x1 + x2) / 2,
  };
}

/**
 * Generates the 2-D multi-task dataset; the same spec always gives the same points. Noise flips a
 * share noise/2 of each class label and adds N(0, (0.3·noise)²) to each regression value.
 */
export function generateToy2d(spec: DataSpec): Dataset {
  // Points and the first four tasks draw from `rng` as they always have, so designs saved before
  // gauss, spiral and plane existed still see the same points; the newer tasks' noise has its own stream.
  const rng = createRng(spec.seed);
  const extra = createRng(deriveSeed(spec.seed, 7));
  const size = Math.max(0, Math.floor(spec.size));
  const x = new Float32Array(size * 2);
  const columns: Record<string, Float32Array> = {};
  for (const name of Object.keys(TOY2D_TARGETS)) columns[name] = new Float32Array(size);
  const flip = (label: number, from = rng): number =>
    from.next() < spec.noise / 2 ? 1 - label : label;
  const jitter = (from = rng): number => spec.noise * 0.3 * from.normal();
  for (let i = 0; i < size; i++) {
    const x1 = rng.next() * 2 - 1;
    const x2 = rng.next() * 2 - 1;
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    const labels = toy2dLabels(x1, x2);
    columns.circle![i] = flip(labels.circle!);
    columns.xor![i] = flip(labels.xor!);
    columns.wave![i] = labels.wave! + jitter();
    columns.bowl![i] = labels.bowl! + jitter();
    columns.gauss![i] = flip(labels.gauss!, extra);
    columns.spiral![i] = flip(labels.spiral!, extra);
    columns.plane![i] = labels.plane! + jitter(extra);
  }
  return {
    name: 'toy2d',
    input: TOY2D_INPUT,
    targets: targetInfos(TOY2D_TARGETS),
    ...splitColumns(x, columns, size, spec.valFraction),
  };
}
