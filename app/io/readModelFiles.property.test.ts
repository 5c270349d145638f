import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportModel, type ExportedModel } from '../../src/io/exportModel';
import { buildModel } from '../../src/model/buildModel';
import { DEFAULT_DATA, DEFAULT_MODEL } from '../../src/spec/defaults';
import { validateSpec } from '../../src/design/validate';
import { describeDataset } from '../../src/data/loadDataset';
import { useCpuBackend } from '../../src/testing/tfCpu';
import { readModelFiles } from './readModelFiles';

let real: ExportedModel;
beforeAll(async () => {
  await useCpuBackend();
  const model = buildModel(DEFAULT_MODEL, 1);
  real = await exportModel(model, DEFAULT_MODEL);
  model.dispose();
});

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 4000 }),
  fc.string({ unit: 'binary', maxLength: 400 }).map((t) => new TextEncoder().encode(t)),
  fc.json().map((t) => new TextEncoder().encode(t)),
);

/** Replaces the value at a random path of a JSON value with a random JSON value. */
function damage(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[key] = damage(child, path.slice(1), replacement);
  return copy;
}

const expectMessage = (read: Awaited<ReturnType<typeof readModelFiles>>) => {
  expect(read.ok).toBe(false);
  if (!read.ok) expect(read.message.length).toBeGreaterThan(20);
};

describe('random files as an exported model', () => {
  it('random bytes as model.json and weights.bin get a message', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, bytes, async (json, bin) => {
        expectMessage(
          await readModelFiles([new File([json], 'model.json'), new File([bin], 'weights.bin')]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('a real export damaged anywhere is refused with a message, or read with a design that passes the schema', async () => {
    const manifest = JSON.parse(real.modelJson) as unknown;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(40), { minLength: 1, maxLength: 8 }),
        fc.oneof(fc.jsonValue(), fc.constantFrom(1e9, -1, 'dense', null, [], {})),
        async (path, replacement) => {
          const json = JSON.stringify(damage(manifest, path, replacement));
          const read = await readModelFiles([
            new File([json], 'model.json'),
            new File([real.weightData], 'weights.bin'),
          ]);
          if (!read.ok) return expectMessage(read);
          // What is accepted can be checked against the data without an exception.
          expect(() => validateSpec(read.spec, describeDataset(DEFAULT_DATA))).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
