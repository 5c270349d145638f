import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCsvChoices, suggestChoices } from '../design/csvDesign';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import { validateDesign } from '../design/validateDesign';
import { useCpuBackend } from '../testing/tfCpu';
import { workerHarness } from '../testing/workerHarness';

beforeAll(useCpuBackend);

const runs = Number(process.env.PROPERTY_RUNS ?? 40);

/** A column of a real export: numbers (some extreme), a few labels, or anything; with gaps. */
const column = fc.constantFrom<fc.Arbitrary<string>[]>(
  [fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)],
  [fc.double({ min: -10, max: 10, noNaN: true }).map((x) => x.toFixed(2))],
  [fc.integer({ min: -3, max: 3 }).map(String), fc.constantFrom('', 'NA')],
  [fc.constantFrom('a', 'b', 'c', 'yes', 'no')],
  [fc.constantFrom('a', 'b', '"q, "" x"', '"l1\nl2"', '', '1e400', '-')],
  [fc.string({ maxLength: 6 })],
);

/** CSV text: a header and rows of 2–4 columns, now and then ragged, with one of the usual delimiters. */
const csvText = fc
  .tuple(
    fc.array(column, { minLength: 2, maxLength: 4 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n'),
    fc.nat(80),
    fc.integer({ min: 0, max: 9 }),
  )
  .chain(([columns, delimiter, newline, rows, ragged]) =>
    fc
      .array(fc.tuple(...columns.map((cells) => fc.oneof(...cells))), {
        minLength: rows,
        maxLength: rows,
      })
      .map((table) =>
        [
          columns.map((_, i) => `col${i}`).join(delimiter),
          // One file in ten loses a field somewhere.
          ...table.map((row, r) => (ragged === 0 && r === 3 ? row.slice(1) : row).join(delimiter)),
        ].join(newline),
      ),
  );

/** What a person might pick by mistake: any bytes, or any text. */
const anyFile = fc.oneof(
  { weight: 4, arbitrary: csvText.map((t) => new TextEncoder().encode(t)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3000 }) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 500 })
      .map((t) => new TextEncoder().encode(t)),
  },
);

describe('random files as CSV', () => {
  it('are read or refused with a message naming the file; what is read gives a design that trains or is refused', async () => {
    const { handler, of, messages } = workerHarness({ targetChunkMs: 20 });
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    let request = 0;
    await fc.assert(
      fc.asyncProperty(anyFile, async (bytes) => {
        messages.length = 0;
        const requestId = ++request;
        await handler.handle({
          type: 'loadCsv',
          requestId,
          file: new Blob([bytes]),
          name: 'x.csv',
        });
        await handler.idle();
        // loadCsv runs beside the queue; it has no await between its last read and its answer.
        for (let i = 0; i < 100 && !of('csvLoaded').length && !of('csvFailed').length; i++)
          await new Promise((r) => setTimeout(r, 5));
        const failed = of('csvFailed');
        const loaded = of('csvLoaded');
        expect(failed.length + loaded.length).toBe(1);
        if (failed.length) {
          expect(failed[0]!.message).toMatch(/^x\.csv: \S/);
          return;
        }
        const summary = loaded[0]!.summary;
        const base = {
          spec: DEFAULT_MODEL,
          config: { ...DEFAULT_TRAIN, maxSteps: 1 },
          data: DEFAULT_DATA,
        };
        const design = applyCsvChoices(base, summary, suggestChoices(summary));
        // As the page does: the preview says what the data cannot give (too few rows, say)…
        await handler.handle({ type: 'preview', requestId, data: design.data });
        const dataProblem = of('dataPreview')[0]!.message;
        // …and Train refuses with the design's problems first, then the data's.
        const problems = validateDesign(design).map((p) => p.message);
        const refusal = problems.length ? problems.join('\n') : dataProblem;
        await handler.handle({ type: 'train', runId: `csv${requestId}`, design });
        await handler.idle();
        expect(of('fatal')).toEqual([]);
        if (refusal) {
          expect(of('error').map((e) => e.message)).toEqual([refusal]);
        } else {
          expect(of('error')).toEqual([]);
          expect(of('diverged')).toEqual([]);
          const steps = of('metrics').flatMap((m) => m.steps);
          expect(steps.map((s) => s.step)).toEqual([1]);
          expect(steps[0]!.losses.every(Number.isFinite)).toBe(true);
        }
        await handler.handle({ type: 'reset' });
      }),
      { numRuns: runs },
    );
  }, 300_000);
});
