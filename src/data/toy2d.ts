import type { DataSpec } from '../spec/types';
import { splitColumns, targetInfos, type Dataset, type DescribedTarget } from './dataset';
import { createRng } from './random';

/**
 * Points in [-1, 1]² that carry several labels at once, so that tasks which share geometry
 * (circle and bowl both depend on the radius) and tasks which do not (xor, wave) sit side by side.
 */
export const TOY2D_TARGETS: Record<string, DescribedTarget> = {
  circle: { kind: 'classification', classes: 2, description: 'inside a circle of radius 0.7' },
  xor: { kind: 'classification', classes: 2, description: 'sign of x₁·x₂' },
  wave: { kind: 'regression', dims: 1, description: 'sin(πx₁)·cos(πx₂/2)' },
  bowl: { kind: 'regression', dims: 1, description: 'x₁² + x₂²' },
};

export const TOY2D_INPUT = { kind: 'features', size: 2 } as const;

/** Generates the 2-D multi-task dataset; the same spec always gives the same points. */
export function generateToy2d(spec: DataSpec): Dataset {
  const rng = createRng(spec.seed);
  const size = Math.max(0, Math.floor(spec.size));
  const x = new Float32Array(size * 2);
  const columns: Record<string, Float32Array> = {};
  for (const name of Object.keys(TOY2D_TARGETS)) columns[name] = new Float32Array(size);
  const flip = (label: number): number => (rng.next() < spec.noise / 2 ? 1 - label : label);
  for (let i = 0; i < size; i++) {
    const x1 = rng.next() * 2 - 1;
    const x2 = rng.next() * 2 - 1;
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    columns.circle![i] = flip(x1 * x1 + x2 * x2 < 0.49 ? 1 : 0);
    columns.xor![i] = flip(x1 * x2 > 0 ? 1 : 0);
    columns.wave![i] =
      Math.sin(Math.PI * x1) * Math.cos((Math.PI * x2) / 2) + spec.noise * 0.3 * rng.normal();
    columns.bowl![i] = x1 * x1 + x2 * x2 + spec.noise * 0.3 * rng.normal();
  }
  return {
    name: 'toy2d',
    input: TOY2D_INPUT,
    targets: targetInfos(TOY2D_TARGETS),
    ...splitColumns(x, columns, size, spec.valFraction),
  };
}
