import {
  PARETO_X1,
  PARETO_X2,
  TOY_BOUNDS,
  TOY_STARTS,
  toyLosses,
  type Point,
} from '../../../src/train/toy/cagradToy';
import type { ToyStrategy } from '../../../src/train/toy/toyStrategies';

/** The canvas's side in pixels, and the grid the loss is sampled on. */
export const SIZE = 360;
const GRID = 120;

/** One colour per strategy: its paths, its swatch in the controls and in the table of ends. */
export const COLORS: Record<ToyStrategy, string> = {
  equal: '#111827',
  mgda: '#2563eb',
  pcgrad: '#16a34a',
  cagrad: '#dc2626',
  rlw: '#a855f7',
  imtl: '#ea580c',
  aligned: '#0891b2',
  nash: '#be185d',
  upgrad: '#65a30d',
  famo: '#7c3aed',
  fairgrad: '#b45309',
  gradvac: '#0f766e',
};

const toPixel = ([x1, x2]: Point): [number, number] => [
  ((x1 - TOY_BOUNDS.x1[0]) / (TOY_BOUNDS.x1[1] - TOY_BOUNDS.x1[0])) * SIZE,
  SIZE - ((x2 - TOY_BOUNDS.x2[0]) / (TOY_BOUNDS.x2[1] - TOY_BOUNDS.x2[0])) * SIZE,
];

/** The average loss on a grid, as a heat map with contour bands (drawn once, scaled up). */
export function landscapeImage(): ImageData {
  const values: number[] = [];
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const x1 = TOY_BOUNDS.x1[0] + ((c + 0.5) / GRID) * (TOY_BOUNDS.x1[1] - TOY_BOUNDS.x1[0]);
      const x2 = TOY_BOUNDS.x2[1] - ((r + 0.5) / GRID) * (TOY_BOUNDS.x2[1] - TOY_BOUNDS.x2[0]);
      const [a, b] = toyLosses([x1, x2]).losses;
      values.push((a + b) / 2);
    }
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const image = new ImageData(GRID, GRID);
  values.forEach((v, k) => {
    const t = (v - lo) / (hi - lo || 1);
    const band = Math.floor(t * 12) % 2 === 0 ? 0 : 14; // alternating bands read as contours
    image.data[4 * k] = 40 + 200 * t - band;
    image.data[4 * k + 1] = 90 + 120 * (1 - Math.abs(t - 0.5) * 2) - band;
    image.data[4 * k + 2] = 230 - 190 * t - band;
    image.data[4 * k + 3] = 255;
  });
  return image;
}

function drawBackground(ctx: CanvasRenderingContext2D, image: ImageData): void {
  const grid = document.createElement('canvas');
  grid.width = GRID;
  grid.height = GRID;
  grid.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(grid, 0, 0, SIZE, SIZE);
  // The Pareto set.
  ctx.strokeStyle = '#fde047';
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(...toPixel([PARETO_X1[0], PARETO_X2]));
  ctx.lineTo(...toPixel([PARETO_X1[1], PARETO_X2]));
  ctx.stroke();
}

/** Each path in its strategy's colour, a square where it ends (so far). */
function drawPaths(ctx: CanvasRenderingContext2D, paths: Record<string, Point[]>): void {
  for (const [key, path] of Object.entries(paths)) {
    const strategy = key.split(':')[0] as ToyStrategy;
    ctx.strokeStyle = COLORS[strategy];
    ctx.lineWidth = 2;
    ctx.beginPath();
    path.forEach((p, i) => (i === 0 ? ctx.moveTo(...toPixel(p)) : ctx.lineTo(...toPixel(p))));
    ctx.stroke();
    const [ex, ey] = toPixel(path.at(-1)!);
    ctx.fillStyle = COLORS[strategy];
    ctx.fillRect(ex - 3, ey - 3, 6, 6);
  }
}

function drawStarts(ctx: CanvasRenderingContext2D, starts: number[]): void {
  for (const index of starts) {
    const [sx, sy] = toPixel(TOY_STARTS[index]!);
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = '#111827';
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(sx, sy, 5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}

/** The whole picture: loss contours, the Pareto set, the paths, the chosen starts on top. */
export function drawLandscape(
  ctx: CanvasRenderingContext2D,
  image: ImageData,
  paths: Record<string, Point[]>,
  starts: number[],
): void {
  drawBackground(ctx, image);
  drawPaths(ctx, paths);
  drawStarts(ctx, starts);
}
