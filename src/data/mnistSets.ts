import type { DataSpec } from '../spec/types';
import { splitColumns, targetInfos, type Dataset, type DescribedTarget } from './dataset';
import { MNIST_SIDE, type MnistDigits } from './mnistFile';
import { createRng, shuffledIndices, type Rng } from './random';

const PIXELS = MNIST_SIDE * MNIST_SIDE;
const CANVAS = 36;
/** Where the second digit sits on the 36×36 canvas (the first is at the origin). */
const OFFSET = 6;

export const MNIST_INPUT = {
  kind: 'image',
  height: MNIST_SIDE,
  width: MNIST_SIDE,
  channels: 1,
} as const;

/** MultiMNIST (Sener & Koltun): two overlapping digits, one task per digit. */
export const MULTIMNIST_TARGETS: Record<string, DescribedTarget> = {
  left: { kind: 'classification', classes: 10, description: 'the digit at the top left' },
  right: { kind: 'classification', classes: 10, description: 'the digit at the bottom right' },
};

/** Three tasks from one digit. */
export const MNIST_TASK_TARGETS: Record<string, DescribedTarget> = {
  digit: { kind: 'classification', classes: 10, description: 'which digit' },
  parity: { kind: 'classification', classes: 2, description: 'odd (1) or even (0)' },
  greater4: { kind: 'classification', classes: 2, description: 'greater than 4' },
};

/** Digits split into disjoint train and validation pools, so no digit image is seen in both. */
function pools(mnist: MnistDigits, spec: DataSpec, rng: Rng): [Int32Array, Int32Array] {
  const order = shuffledIndices(mnist.count, rng);
  const valCount = Math.round(mnist.count * spec.valFraction);
  return [order.subarray(valCount), order.subarray(0, valCount)];
}

/** Bilinear resize of a square grey image (values 0–1), as image libraries do. */
export function resizeBilinear(src: Float32Array, from: number, to: number): Float32Array {
  const out = new Float32Array(to * to);
  const scale = from / to;
  for (let r = 0; r < to; r++) {
    const y = Math.min(from - 1, Math.max(0, (r + 0.5) * scale - 0.5));
    const y0 = Math.floor(y);
    const y1 = Math.min(from - 1, y0 + 1);
    const fy = y - y0;
    for (let c = 0; c < to; c++) {
      const x = Math.min(from - 1, Math.max(0, (c + 0.5) * scale - 0.5));
      const x0 = Math.floor(x);
      const x1 = Math.min(from - 1, x0 + 1);
      const fx = x - x0;
      const top = src[y0 * from + x0]! * (1 - fx) + src[y0 * from + x1]! * fx;
      const bottom = src[y1 * from + x0]! * (1 - fx) + src[y1 * from + x1]! * fx;
      out[r * to + c] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/** One MultiMNIST image: digit a at [0:28, 0:28], digit b at [6:34, 6:34], pixel-wise max, resized to 28×28. */
export function composeMultiMnist(mnist: MnistDigits, a: number, b: number): Float32Array {
  const canvas = new Float32Array(CANVAS * CANVAS);
  for (const [digit, offset] of [
    [a, 0],
    [b, OFFSET],
  ] as const) {
    for (let r = 0; r < MNIST_SIDE; r++) {
      for (let c = 0; c < MNIST_SIDE; c++) {
        const k = (r + offset) * CANVAS + (c + offset);
        canvas[k] = Math.max(canvas[k]!, mnist.pixels[digit * PIXELS + r * MNIST_SIDE + c]! / 255);
      }
    }
  }
  return resizeBilinear(canvas, CANVAS, MNIST_SIDE);
}

function build(
  size: number,
  spec: DataSpec,
  targets: Record<string, DescribedTarget>,
  fill: (i: number, isVal: boolean, x: Float32Array, columns: Record<string, Float32Array>) => void,
): Dataset {
  const x = new Float32Array(size * PIXELS);
  const columns: Record<string, Float32Array> = {};
  for (const name of Object.keys(targets)) columns[name] = new Float32Array(size);
  const trainSize = size - Math.round(size * spec.valFraction);
  for (let i = 0; i < size; i++) fill(i, i >= trainSize, x, columns);
  return {
    name: spec.kind,
    input: MNIST_INPUT,
    targets: targetInfos(targets),
    ...splitColumns(x, columns, size, spec.valFraction),
  };
}

/** Adds seeded Gaussian pixel noise (σ = 0.3·noise). */
function addNoise(x: Float32Array, at: number, spec: DataSpec, rng: Rng): void {
  if (spec.noise > 0)
    for (let k = 0; k < PIXELS; k++) x[at + k]! += spec.noise * 0.3 * rng.normal();
}

/** `size` MultiMNIST examples from random pairs of digits, seeded; validation pairs use only validation digits. */
export function generateMultiMnist(spec: DataSpec, mnist: MnistDigits): Dataset {
  const rng = createRng(spec.seed);
  const [trainPool, valPool] = pools(mnist, spec, rng);
  return build(spec.size, spec, MULTIMNIST_TARGETS, (i, isVal, x, columns) => {
    const pool = isVal ? valPool : trainPool;
    const a = pool[rng.int(pool.length)]!;
    const b = pool[rng.int(pool.length)]!;
    x.set(composeMultiMnist(mnist, a, b), i * PIXELS);
    addNoise(x, i * PIXELS, spec, rng);
    columns.left![i] = mnist.labels[a]!;
    columns.right![i] = mnist.labels[b]!;
  });
}

/** MNIST multi-task: digit class, parity and "greater than 4" from each digit (up to all 10 000). */
export function generateMnistTasks(spec: DataSpec, mnist: MnistDigits): Dataset {
  const rng = createRng(spec.seed);
  const [trainPool, valPool] = pools(mnist, spec, rng);
  const size = Math.min(spec.size, mnist.count);
  const trainSize = size - Math.round(size * spec.valFraction);
  return build(size, spec, MNIST_TASK_TARGETS, (i, isVal, x, columns) => {
    const d = isVal ? valPool[(i - trainSize) % valPool.length]! : trainPool[i % trainPool.length]!;
    for (let k = 0; k < PIXELS; k++) x[i * PIXELS + k] = mnist.pixels[d * PIXELS + k]! / 255;
    addNoise(x, i * PIXELS, spec, rng);
    const label = mnist.labels[d]!;
    columns.digit![i] = label;
    columns.parity![i] = label % 2;
    columns.greater4![i] = label > 4 ? 1 : 0;
  });
}
