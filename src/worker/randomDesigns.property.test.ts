import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDesignFromUrl, parseDesign, serializeDesign } from '../spec/serialize';
import { validateDesign } from '../design/validateDesign';
import { designArbitrary, quickDesignArbitrary } from '../testing/designArbitrary';
import { fetchTestAsset } from '../testing/fixtures';
import { useCpuBackend } from '../testing/tfCpu';
import { workerHarness } from '../testing/workerHarness';

beforeAll(useCpuBackend);

/** A refusal that names its place: dotted keys, with a task's name quoted (`config.lambdas["a b"]`). */
const PLACED_REFUSAL = /^The design is invalid at [\w$]+(\.[\w$]+|\["(?:[^"\\]|\\.)*"\])*: /;

describe('random designs', () => {
  it('are either refused with the validation message or build and take one step with finite losses', async () => {
    let runs = 0;
    const { handler, of, messages } = workerHarness({
      targetChunkMs: 20,
      fetchAsset: fetchTestAsset,
    });
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await fc.assert(
      fc.asyncProperty(quickDesignArbitrary, async (design) => {
        messages.length = 0;
        // The UI sends the design it holds straight to the worker, so the raw design is what matters.
        const problems = validateDesign(design);
        await handler.handle({ type: 'train', runId: `r${runs++}`, design });
        await handler.idle();
        expect(of('fatal')).toEqual([]);
        if (problems.length) {
          expect(problems.every((p) => p.message.length > 10)).toBe(true);
          expect(of('error').map((e) => e.message)).toEqual([
            problems.map((p) => p.message).join('\n'),
          ]);
          expect(of('metrics')).toEqual([]);
        } else {
          expect(of('error')).toEqual([]);
          const steps = of('metrics').flatMap((m) => m.steps);
          expect(steps.map((s) => s.step)).toEqual([1]);
          expect(steps[0]!.losses.every(Number.isFinite)).toBe(true);
        }
        await handler.handle({ type: 'reset' });
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  }, 300_000);

  it('are valid often enough, and refused often enough, for the property above to test both', () => {
    const valid = fc
      .sample(quickDesignArbitrary, { numRuns: 400, seed: 1 })
      .filter((d) => validateDesign(d).length === 0).length;
    expect(valid).toBeGreaterThan(400 * 0.2);
    expect(valid).toBeLessThan(400 * 0.8);
  });

  it('any text as a design file or share link gets a message, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json(),
          fc
            .jsonValue()
            .map((v) => JSON.stringify({ format: 'mtl-playground-design', version: 1, spec: v })),
        ),
        (text) => {
          const parsed = parseDesign(text);
          expect(parsed.ok).toBe(false);
          if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(20);
          const link = decodeDesignFromUrl(text);
          expect(link.ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('read back from a design file are accepted exactly or refused with a message', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        const parsed = parseDesign(serializeDesign(design));
        if (parsed.ok) expect(validateDesign(parsed.design)).toEqual(validateDesign(design));
        else expect(parsed.message).toMatch(PLACED_REFUSAL);
      }),
      { numRuns: 300 },
    );
  });
});
