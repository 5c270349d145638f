import type { DataSpec } from '../spec/types';
import { splitColumns, targetInfos, type Dataset, type DescribedTarget } from './dataset';
import { createRng } from './random';

const SIDE = 12;

/** 12×12 grey images of one shape each: what it is, how big, and where, as separate tasks. */
export const SHAPES_TARGETS: Record<string, DescribedTarget> = {
  shape: { kind: 'classification', classes: 3, description: 'square, cross or ring' },
  size: { kind: 'regression', dims: 1, description: 'half-width of the shape, 0–1' },
  x: { kind: 'regression', dims: 1, description: 'horizontal centre, 0–1' },
  y: { kind: 'regression', dims: 1, description: 'vertical centre, 0–1' },
};

export const SHAPES_INPUT = { kind: 'image', height: SIDE, width: SIDE, channels: 1 } as const;

/** Whether pixel (r, c) belongs to shape `kind` of half-width `h` centred at (cy, cx). */
function inside(kind: number, r: number, c: number, cy: number, cx: number, h: number): boolean {
  const dy = Math.abs(r - cy);
  const dx = Math.abs(c - cx);
  if (dy > h || dx > h) return false;
  if (kind === 0) return true; // filled square
  if (kind === 1) return dy === 0 || dx === 0; // cross
  return dy === h || dx === h; // ring: the square's border
}

/** Generates the image dataset; pixel noise grows with `noise`. */
export function generateShapes(spec: DataSpec): Dataset {
  const rng = createRng(spec.seed);
  const size = Math.max(0, Math.floor(spec.size));
  const pixels = SIDE * SIDE;
  const x = new Float32Array(size * pixels);
  const columns: Record<string, Float32Array> = {};
  for (const name of Object.keys(SHAPES_TARGETS)) columns[name] = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const kind = rng.int(3);
    const h = 2 + rng.int(3); // half-width 2..4
    const cy = h + rng.int(SIDE - 2 * h);
    const cx = h + rng.int(SIDE - 2 * h);
    for (let r = 0; r < SIDE; r++) {
      for (let c = 0; c < SIDE; c++) {
        const value = inside(kind, r, c, cy, cx, h) ? 1 : 0;
        x[i * pixels + r * SIDE + c] = value + spec.noise * 0.3 * rng.normal();
      }
    }
    columns.shape![i] = kind;
    columns.size![i] = (h - 2) / 2;
    columns.x![i] = cx / (SIDE - 1);
    columns.y![i] = cy / (SIDE - 1);
  }
  return {
    name: 'shapes',
    input: SHAPES_INPUT,
    targets: targetInfos(SHAPES_TARGETS),
    ...splitColumns(x, columns, size, spec.valFraction),
  };
}
