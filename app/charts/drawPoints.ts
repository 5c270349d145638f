import type { TargetInfo } from '../../src/data/dataset';
import { css, extent, labelRgb } from './labelColors';

/** The square of the 2-D datasets, in data units. */
const EXTENT = 1;

/**
 * Draws 2-D points (x₁ right, x₂ up, [−1, 1]²) coloured by one target's labels, with a white ring
 * so they stand out on a decision map.
 */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  size: number,
  x: Float32Array,
  labels: Float32Array,
  info: TargetInfo,
  max = labels.length,
): void {
  const range = extent(labels);
  const radius = Math.max(1.5, size / 90);
  const count = Math.min(max, labels.length);
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = 'rgba(255,255,255,0.9)';
  for (let i = 0; i < count; i++) {
    const px = ((x[2 * i]! + EXTENT) / (2 * EXTENT)) * size;
    const py = ((EXTENT - x[2 * i + 1]!) / (2 * EXTENT)) * size;
    ctx.fillStyle = css(labelRgb(info, labels[i]!, range));
    ctx.beginPath();
    ctx.arc(px, py, radius, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
}
