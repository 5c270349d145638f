import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KERNEL_OVERRIDES, registerKernelOverrides, unregisterKernelOverrides } from './registry';

/**
 * Every override against tf.js's reference: the same computation with tf.js's own kernels on
 * the cpu backend (the wasm backend lacks two of them). Gradients are taken through the public
 * ops, so what is checked is what training asks of the kernels.
 */

type Compute = () => tf.Tensor[];

async function values(backend: string, compute: Compute, overrides: boolean): Promise<number[][]> {
  if (overrides) registerKernelOverrides();
  else unregisterKernelOverrides();
  await tf.setBackend(backend);
  const outputs = tf.tidy(compute);
  const read = await Promise.all(outputs.map(async (t) => Array.from(await t.data())));
  tf.dispose(outputs);
  return read;
}

/** The largest difference between the override's results and the reference, relative to scale. */
async function deviation(backend: string, compute: Compute): Promise<number> {
  const reference = await values('cpu', compute, false);
  const ours = await values(backend, compute, true);
  let worst = 0;
  reference.forEach((ref, k) => {
    expect(ours[k]!.length).toBe(ref.length);
    const scale = Math.max(1, ...ref.map(Math.abs));
    ref.forEach((r, i) => (worst = Math.max(worst, Math.abs(ours[k]![i]! - r) / scale)));
  });
  return worst;
}

// Seed 0 would mean "unseeded" to tf.js.
const seeded = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed + 1);

beforeAll(async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  await tf.setBackend('cpu');
});
afterAll(async () => {
  registerKernelOverrides();
  await tf.setBackend('cpu');
});

describe('kernel overrides', () => {
  it('are all registered once the backends are loaded', () => {
    registerKernelOverrides();
    for (const o of KERNEL_OVERRIDES)
      expect(tf.getKernel(o.kernelName, o.backendName)).toBeDefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it('matrix products on wasm: every transpose, batched and broadcast, fused with bias and activation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          m: fc.integer({ min: 1, max: 40 }),
          k: fc.integer({ min: 1, max: 40 }),
          n: fc.integer({ min: 1, max: 40 }),
          batch: fc.constantFrom([], [3], [2, 2]),
          broadcastB: fc.boolean(),
          ta: fc.boolean(),
          tb: fc.boolean(),
          activation: fc.constantFrom('linear', 'relu', 'sigmoid'),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        async ({ m, k, n, batch, broadcastB, ta, tb, activation, seed }) => {
          const compute: Compute = () => {
            const a = seeded([...batch, ...(ta ? [k, m] : [m, k])], seed);
            const b = seeded([...(broadcastB ? [] : batch), ...(tb ? [n, k] : [k, n])], seed + 1);
            const bias = seeded([n], seed + 2);
            const plain = tf.matMul(a, b, ta, tb);
            if (batch.length > 0) return [plain];
            const dy = seeded([m, n], seed + 3);
            const f = (a: tf.Tensor, b: tf.Tensor) =>
              tf
                .mul(
                  tf.fused.matMul({
                    a: a as tf.Tensor2D,
                    b: b as tf.Tensor2D,
                    transposeA: ta,
                    transposeB: tb,
                    bias,
                    activation: activation as 'relu',
                  }),
                  dy,
                )
                .sum();
            return [plain, ...tf.grads(f)([a, b])];
          };
          expect(await deviation('wasm', compute)).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("Conv2D's filter gradient on wasm and cpu: random shapes, kernels, strides and paddings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          batch: fc.integer({ min: 1, max: 4 }),
          h: fc.integer({ min: 1, max: 14 }),
          w: fc.integer({ min: 1, max: 14 }),
          cin: fc.integer({ min: 1, max: 4 }),
          cout: fc.integer({ min: 1, max: 5 }),
          kh: fc.integer({ min: 1, max: 5 }),
          kw: fc.integer({ min: 1, max: 5 }),
          sh: fc.integer({ min: 1, max: 3 }),
          sw: fc.integer({ min: 1, max: 3 }),
          pad: fc.constantFrom('same' as const, 'valid' as const),
          backend: fc.constantFrom('wasm', 'cpu'),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        async ({ batch, h, w, cin, cout, kh, kw, sh, sw, pad, backend, seed }) => {
          fc.pre(pad === 'same' || (kh <= h && kw <= w));
          const compute: Compute = () => {
            const x = seeded([batch, h, w, cin], seed) as tf.Tensor4D;
            const filter = seeded([kh, kw, cin, cout], seed + 1) as tf.Tensor4D;
            const out = tf.conv2d(x, filter, [sh, sw], pad);
            const bias = seeded([cout], seed + 3);
            const fused = tf.fused.conv2d({
              x,
              filter,
              strides: [sh, sw],
              pad,
              bias,
              activation: 'relu',
            });
            const dy = seeded(out.shape, seed + 2);
            const loss = (x: tf.Tensor, f: tf.Tensor) =>
              tf.mul(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, [sh, sw], pad), dy).sum();
            return [out, fused, ...tf.grads(loss)([x, filter])];
          };
          expect(await deviation(backend, compute)).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('max pooling gradients on wasm: random windows, strides, paddings, batches and channels', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          batch: fc.integer({ min: 1, max: 4 }),
          h: fc.integer({ min: 1, max: 12 }),
          w: fc.integer({ min: 1, max: 12 }),
          channels: fc.integer({ min: 1, max: 4 }),
          ph: fc.integer({ min: 1, max: 4 }),
          pw: fc.integer({ min: 1, max: 4 }),
          sh: fc.integer({ min: 1, max: 3 }),
          sw: fc.integer({ min: 1, max: 3 }),
          pad: fc.constantFrom('same' as const, 'valid' as const),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        async ({ batch, h, w, channels, ph, pw, sh, sw, pad, seed }) => {
          fc.pre(pad === 'same' || (ph <= h && pw <= w));
          const compute: Compute = () => {
            const x = seeded([batch, h, w, channels], seed) as tf.Tensor4D;
            const pool = (x: tf.Tensor) => tf.maxPool(x as tf.Tensor4D, [ph, pw], [sh, sw], pad);
            const dy = seeded(pool(x).shape, seed + 1);
            return [tf.grad((x: tf.Tensor) => tf.mul(pool(x), dy).sum())(x)];
          };
          expect(await deviation('wasm', compute)).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('slices and splits on wasm: contiguous parts from the heap, others by tf.js', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          shape: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
          axis: fc.nat(),
          cuts: fc.integer({ min: 1, max: 4 }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        async ({ shape, axis, cuts, seed }) => {
          const at = axis % shape.length;
          const length = shape[at]!;
          const parts = Math.min(cuts, length);
          const sizes = [...Array<number>(parts - 1).fill(1), length - parts + 1];
          const compute: Compute = () => {
            const x = seeded(shape, seed);
            const begin = shape.map((d) => Math.floor(d / 2));
            const size = shape.map((d, i) => d - begin[i]!);
            const flat = tf.reshape(x, [-1]);
            return [
              ...tf.split(x, sizes, at),
              tf.slice(x, begin, size),
              ...tf.split(flat, [1, flat.size - 1]),
            ];
          };
          expect(await deviation('wasm', compute)).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the gather gradient (UnsortedSegmentSum) on wasm, repeated indices included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          vocab: fc.integer({ min: 1, max: 20 }),
          dims: fc.constantFrom([4], [3, 2]),
          indices: fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
          seed: fc.integer({ min: 0, max: 1000 }),
        }),
        async ({ vocab, dims, indices, seed }) => {
          const ids = indices.map((i) => i % vocab);
          const compute: Compute = () => {
            const table = seeded([vocab, ...dims], seed);
            const dy = seeded([ids.length, ...dims], seed + 1);
            const at = tf.tensor1d(ids, 'int32');
            const loss = (t: tf.Tensor) => tf.mul(tf.gather(t, at), dy).sum();
            return [tf.grad(loss)(table)];
          };
          expect(await deviation('wasm', compute)).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('leak nothing: the tensor count and the backend memory stay put', async () => {
    registerKernelOverrides();
    await tf.setBackend('wasm');
    const step = () =>
      tf.tidy(() => {
        const x = seeded([8, 10, 10, 2], 1) as tf.Tensor4D;
        const f = seeded([3, 3, 2, 4], 2) as tf.Tensor4D;
        const a = seeded([8, 16], 3);
        const b = seeded([16, 5], 4);
        const loss = (x: tf.Tensor, f: tf.Tensor, a: tf.Tensor, b: tf.Tensor) =>
          tf.add(
            tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same').sum(),
            tf.matMul(a, b).sum(),
          );
        tf.dispose(tf.grads(loss)([x, f, a, b]));
      });
    step();
    const before = tf.memory();
    for (let i = 0; i < 5; i++) step();
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
    await tf.setBackend('cpu');
  });
});
