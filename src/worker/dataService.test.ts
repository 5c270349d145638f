import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCsvChoices } from '../design/csvDesign';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import { useCpuBackend } from '../testing/tfCpu';
import type { RunDesign } from './protocol';
import { until, workerHarness as harness } from '../testing/workerHarness';

beforeAll(useCpuBackend);

const penguins = () =>
  new Blob([readFileSync(new URL('../data/csv/fixtures/penguins.csv', import.meta.url))]);

const base: RunDesign = { spec: DEFAULT_MODEL, config: DEFAULT_TRAIN, data: DEFAULT_DATA };

describe("the worker with the user's CSV", () => {
  it('parses an upload with progress, then previews and trains a classification and a regression task from it', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await handler.handle({ type: 'loadCsv', requestId: 1, file: penguins(), name: 'penguins.csv' });
    await until(() => of('csvLoaded').length > 0 || of('csvFailed').length > 0);
    expect(of('csvFailed')).toEqual([]);
    expect(of('csvProgress').at(-1)).toMatchObject({ requestId: 1 });
    const { summary } = of('csvLoaded')[0]!;
    const design = {
      ...applyCsvChoices(base, summary, {
        inputs: ['island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'sex'],
        targets: [
          { column: 'species', kind: 'classification' },
          { column: 'body_mass_g', kind: 'regression' },
        ],
        missing: 'drop',
      }),
    };
    design.config = { ...design.config, maxSteps: 150, evalEvery: 50 };
    expect(design.spec.tasks.map((t) => t.name)).toEqual(['species', 'body_mass_g']);

    await handler.handle({ type: 'preview', requestId: 2, data: design.data });
    const preview = of('dataPreview')[0]!;
    expect(preview.message).toBeUndefined();
    expect(preview.preview!.csvReport!.dropped).toBeGreaterThan(0);
    expect(preview.preview!.train + preview.preview!.val).toBe(
      240 - preview.preview!.csvReport!.dropped,
    );

    await handler.handle({ type: 'train', runId: 'csv', design });
    await handler.idle();
    expect(of('error')).toEqual([]);
    const steps = of('metrics').flatMap((m) => m.steps);
    const mean = (from: number, to: number, task: number) =>
      steps.slice(from, to).reduce((a, s) => a + s.losses[task]!, 0) / (to - from);
    for (const task of [0, 1]) expect(mean(130, 150, task)).toBeLessThan(mean(0, 20, task) * 0.7);
    expect(of('validation').at(-1)!.evaluation.metrics[0]).toBeGreaterThan(0.8); // species accuracy

    await handler.handle({ type: 'watchConfusion', runId: 'csv', task: 0 });
    const confusion = of('confusion').at(-1)!;
    expect(confusion.matrix).toHaveLength(3);
    const total = confusion.matrix.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(preview.preview!.val);
    expect(of('decisionMaps')).toEqual([]); // CSV inputs are not a plane
  });

  it('says why a CSV design cannot train when its file is not loaded, and keeps working', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'loadCsv', requestId: 1, file: penguins(), name: 'penguins.csv' });
    await until(() => of('csvLoaded').length > 0);
    const design = applyCsvChoices(base, of('csvLoaded')[0]!.summary, {
      inputs: ['bill_length_mm'],
      targets: [{ column: 'species', kind: 'classification' }],
      missing: 'drop',
    });
    const fresh = harness(); // a new worker, as after a reload
    await fresh.handler.handle({ type: 'preview', requestId: 1, data: design.data });
    expect(fresh.of('dataPreview')[0]!.message).toMatch(
      /'penguins.csv' is not loaded: upload it again/,
    );
    await fresh.handler.handle({ type: 'train', runId: 'x', design });
    expect(fresh.of('error')[0]!.message).toMatch(/upload it again/);
    await fresh.handler.handle({
      type: 'loadCsv',
      requestId: 2,
      file: new Blob(['only\n1\n']),
      name: 'bad.csv',
    });
    await until(() => fresh.of('csvFailed').length > 0);
    expect(fresh.of('csvFailed')[0]!.message).toMatch(/^bad.csv: The header has a single column/);
  });

  it('posts a decision map per task of a 2-D design with validations, a few per second', async () => {
    const { handler, of } = harness();
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await handler.handle({
      type: 'train',
      runId: 'toy',
      design: { ...base, config: { ...DEFAULT_TRAIN, maxSteps: 40, evalEvery: 20 } },
    });
    await handler.idle();
    const maps = of('decisionMaps');
    // At the first validation, then at most twice a second, and always where the run stopped.
    expect(maps.map((m) => m.step)).toEqual([of('validation')[0]!.evaluation.step, 40]);
    const [circle, wave] = maps.at(-1)!.maps;
    expect(circle!.kind).toBe('probability');
    expect(circle!.values.length).toBe(40 * 40);
    expect(circle!.values.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(wave!.kind).toBe('value');
  });

  it('previews images with every label, and explains an invalid data spec', async () => {
    const { handler, of } = harness();
    await handler.handle({
      type: 'preview',
      requestId: 1,
      data: { ...DEFAULT_DATA, kind: 'shapes', size: 100 },
    });
    const { preview } = of('dataPreview')[0]!;
    expect(preview!.sample).toMatchObject({ kind: 'images', height: 12, width: 12, channels: 1 });
    expect(preview!.count).toBe(30);
    expect(Object.keys(preview!.labels)).toEqual(['shape', 'size', 'x', 'y']);
    await handler.handle({ type: 'preview', requestId: 2, data: { ...DEFAULT_DATA, size: 3 } });
    expect(of('dataPreview')[1]!.message).toMatch(/Dataset size must be/);
  });
});
