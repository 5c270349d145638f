import { describe, expect, it } from 'vitest';
import type { CsvSummary } from '../../src/data/csv/csvSummary';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { createAppStore } from './appStore';

function setup() {
  const sent: ToWorker[] = [];
  const store = createAppStore({
    send: (m) => sent.push(m),
    confirmDiscard: () => true,
    newRunId: () => 'run-1',
  });
  const receive = (m: FromWorker) => store.getState().receiveAll([m]);
  return { store, sent, receive };
}

const column = (name: string, over: Partial<CsvSummary['columns'][number]> = {}) => ({
  name,
  kind: 'numeric' as const,
  missing: 0,
  distinct: 50,
  stats: { min: 0, max: 1, mean: 0.5 },
  input: { column: name, encoding: 'numeric' as const },
  classes: { problem: 'it has fractional numbers, which are not classes' },
  regression: true,
  suggested: 'regression' as const,
  ...over,
});

const summary: CsvSummary = {
  file: 'plants.csv',
  fingerprint: 'abc',
  bytes: 1000,
  rows: 100,
  delimiter: ',',
  columns: [
    column('height'),
    column('note', {
      kind: 'text',
      input: { problem: 'free text' },
      suggested: null,
      regression: false,
    }),
    column('mostly_empty', { missing: 90 }),
    column('kind', {
      kind: 'categorical',
      distinct: 3,
      stats: null,
      input: { column: 'kind', encoding: 'onehot', categories: ['a', 'b', 'c'] },
      classes: ['a', 'b', 'c'],
      regression: false,
      suggested: 'classification',
    }),
  ],
  preview: [],
};

describe('data slice', () => {
  it('uploads a CSV, shows progress, and designs tasks from the suggested columns', () => {
    const { store, sent, receive } = setup();
    store.getState().uploadCsv(new Blob(['x']), 'plants.csv');
    expect(sent.at(-1)).toMatchObject({ type: 'loadCsv', requestId: 1, name: 'plants.csv' });
    expect(store.getState().csvUpload.status).toBe('reading');
    receive({ type: 'csvProgress', requestId: 1, bytes: 500, total: 1000 });
    expect(store.getState().csvUpload.bytes).toBe(500);
    receive({ type: 'csvLoaded', requestId: 1, summary });
    const { data, spec, config } = store.getState();
    expect(data.kind).toBe('csv');
    // The last target-able column with few missing values is the target; text and mostly empty columns are left out.
    expect(data.csv!.targets).toEqual([
      { column: 'kind', kind: 'classification', classes: ['a', 'b', 'c'] },
    ]);
    expect(data.csv!.inputs.map((i) => i.column)).toEqual(['height']);
    expect(spec.input).toEqual({ kind: 'features', size: 1 });
    expect(spec.tasks).toMatchObject([
      { name: 'kind', outputUnits: 3, loss: 'softmaxCrossEntropy' },
    ]);
    expect(config.lambdas).toEqual({ kind: 1 });
  });

  it('turns a column into a second task, keeping the first task as the person edited it', () => {
    const { store, receive } = setup();
    store.getState().uploadCsv(new Blob(['x']), 'plants.csv');
    receive({ type: 'csvLoaded', requestId: 1, summary });
    store.getState().setLambda('kind', 3);
    store.getState().setCsvChoices({
      inputs: [],
      targets: [
        { column: 'kind', kind: 'classification' },
        { column: 'height', kind: 'regression' },
      ],
      missing: 'impute',
    });
    const { spec, config, data } = store.getState();
    expect(spec.tasks.map((t) => [t.name, t.loss])).toEqual([
      ['kind', 'softmaxCrossEntropy'],
      ['height', 'mse'],
    ]);
    expect(config.lambdas).toEqual({ kind: 3, height: 1 });
    expect(data.csv!.missing).toBe('impute');
    store.getState().undo();
    expect(store.getState().spec.tasks.map((t) => t.name)).toEqual(['kind']);
  });

  it('keeps the design and says why when a file cannot be read', () => {
    const { store, receive } = setup();
    const before = store.getState().spec;
    store.getState().uploadCsv(new Blob(['x']), 'bad.csv');
    receive({ type: 'csvFailed', requestId: 1, message: 'bad.csv: The file is empty' });
    expect(store.getState().dataError).toBe('bad.csv: The file is empty');
    expect(store.getState().spec).toBe(before);
    expect(store.getState().csvUpload.status).toBe('failed');
  });

  it('keeps only the answer to the latest preview request', () => {
    const { store, sent, receive } = setup();
    store.getState().requestPreview();
    store.getState().requestPreview();
    expect(sent.filter((m) => m.type === 'preview')).toHaveLength(2);
    receive({ type: 'dataPreview', requestId: 1, preview: null, message: 'old' });
    expect(store.getState().dataPreview).toMatchObject({ loading: true, message: null });
    receive({ type: 'dataPreview', requestId: 2, preview: null, message: 'new' });
    expect(store.getState().dataPreview).toMatchObject({ loading: false, message: 'new' });
  });

  it('sets the GradNorm toy scales with one task per σ, and options as undoable edits', () => {
    const { store } = setup();
    store.getState().setDataKind('gradnorm');
    expect(store.getState().spec.tasks.map((t) => t.target)).toEqual(['t1', 't2']);
    store.getState().setScales([1, 10, 100]);
    expect(store.getState().data.scales).toEqual([1, 10, 100]);
    expect(store.getState().spec.tasks.map((t) => t.name)).toEqual(['t1', 't2', 't3']);
    expect(store.getState().config.lambdas).toEqual({ t1: 1, t2: 1, t3: 1 });
    store.getState().setDataOptions({ noise: 0.3 });
    expect(store.getState().data.noise).toBe(0.3);
    store.getState().undo();
    expect(store.getState().data.noise).toBe(0);
  });

  it('opens a confusion matrix for the run, and for the next run too', () => {
    const { store, sent } = setup();
    store.getState().showConfusion(0); // before any run: remembered
    store.getState().train();
    expect(sent.slice(-2).map((m) => m.type)).toEqual(['train', 'watchConfusion']);
    expect(sent.at(-1)).toEqual({ type: 'watchConfusion', runId: 'run-1', task: 0 });
  });
});
