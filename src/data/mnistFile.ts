/** MNIST digits as shipped in `public/data/mnist-10k.bin`: labels and 28×28 grey pixels (0–255). */
export interface MnistDigits {
  count: number;
  labels: Uint8Array;
  /** count × 784 bytes, row-major. */
  pixels: Uint8Array;
}

/** Where the app serves the digits from (same origin: nothing comes from the internet). */
export const MNIST_PATH = 'data/mnist-10k.bin';
export const MNIST_SIDE = 28;
const MAGIC = [0x4d, 0x4e, 0x53, 0x54]; // "MNST"

/** The binary file for a set of digits. */
export function encodeMnist(labels: Uint8Array, pixels: Uint8Array): Uint8Array {
  const count = labels.length;
  const out = new Uint8Array(8 + count + pixels.length);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, count, true);
  out.set(labels, 8);
  out.set(pixels, 8 + count);
  return out;
}

/** Reads the binary file, refusing anything that is not one. */
export function decodeMnist(bytes: Uint8Array): MnistDigits {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new Error('The MNIST data file is damaged (bad header)');
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const expected = 8 + count * (1 + MNIST_SIDE * MNIST_SIDE);
  if (bytes.length !== expected)
    throw new Error(`The MNIST data file is damaged: ${bytes.length} bytes, expected ${expected}`);
  return { count, labels: bytes.subarray(8, 8 + count), pixels: bytes.subarray(8 + count) };
}
