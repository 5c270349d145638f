import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DESIGN } from '../store/appStore';
import { appendColumn, emptyColumn } from '../store/column';
import { seriesFrom } from '../store/runView';
import { IndexedDbRunStorage, type SavedRun } from './runStore';

let dbCount = 0;
const open = () => IndexedDbRunStorage.open(`test-${++dbCount}`);

const run = (id: string, createdAt: number): SavedRun => ({
  id,
  name: `run ${id}`,
  createdAt,
  updatedAt: createdAt,
  design: DEFAULT_DESIGN,
  state: 'paused',
  step: 20,
  backend: 'cpu',
  tasks: ['circle', 'wave'],
  params: 371,
  curves: {
    trainLoss: seriesFrom({
      steps: [1, 2],
      values: [
        [0.7, 0.6],
        [0.2, 0.1],
      ],
    }),
    valLoss: seriesFrom({ steps: [2], values: [[0.65], [0.15]] }),
    valMetric: seriesFrom({ steps: [2], values: [[0.6], [0.3]] }),
    weights: seriesFrom({
      steps: [1, 2],
      values: [
        [1, 1],
        [1, 1],
      ],
    }),
  },
  checkpointStep: null,
});

describe('IndexedDB run storage', () => {
  it('keeps runs across connections, newest first, with their curves', async () => {
    const name = `test-${++dbCount}`;
    const first = await IndexedDbRunStorage.open(name);
    await first.put(run('a', 1));
    await first.put(run('b', 2));
    const again = await IndexedDbRunStorage.open(name); // as after a reload
    const runs = await again.list();
    expect(runs.map((r) => r.id)).toEqual(['b', 'a']);
    expect(runs[1]!.curves.valLoss).toEqual(seriesFrom({ steps: [2], values: [[0.65], [0.15]] }));
    expect(runs[1]!.design).toEqual(DEFAULT_DESIGN);
  });

  it('stores a checkpoint and its step on the run together; a later save keeps that step', async () => {
    const db = await open();
    await db.put(run('a', 1));
    const weightData = new Float32Array([1, 2, 3]).buffer;
    await db.putCheckpoint({ runId: 'a', step: 20, modelJson: '{}', weightData, savedAt: 5 });
    expect((await db.get('a'))!.checkpointStep).toBe(20);
    await db.rename('a', 'kept name');
    // Curves saved after the checkpoint and the rename, from a record that knew neither.
    const stored = await db.put({ ...run('a', 1), step: 25 });
    expect(stored).toMatchObject({ step: 25, checkpointStep: 20, name: 'kept name' });
    expect((await db.get('a'))!).toEqual(stored);
    const saved = await db.checkpoint('a');
    expect(Array.from(new Float32Array(saved!.weightData))).toEqual([1, 2, 3]);
  });

  it('renames, and deletes a run with its weights', async () => {
    const db = await open();
    await db.put(run('a', 1));
    await db.putCheckpoint({
      runId: 'a',
      step: 1,
      modelJson: '{}',
      weightData: new ArrayBuffer(4),
      savedAt: 1,
    });
    await db.rename('a', 'wide encoder, PCGrad');
    expect((await db.get('a'))!.name).toBe('wide encoder, PCGrad');
    await db.delete('a');
    expect(await db.list()).toEqual([]);
    expect(await db.checkpoint('a')).toBeUndefined();
  });

  it('reads the plain arrays of records saved before curves were columns as columns', async () => {
    const db = await open();
    const plain = { steps: [1, 2], values: [[0.7, 0.6]] };
    const old = run('old', 1);
    const curves = {
      trainLoss: plain,
      valLoss: plain,
      valMetric: plain,
      weights: plain,
      trainTime: [0.1, 0.2],
    };
    await db.put({ ...old, curves } as unknown as SavedRun);
    const [read] = await db.list();
    expect(read!.curves.trainLoss.values[0]).toEqual(Float64Array.of(0.7, 0.6));
    expect(read!.curves.trainTime).toEqual(Float64Array.of(0.1, 0.2));
    expect((await db.get('old'))!.curves.weights.steps).toEqual(Float64Array.of(1, 2));
  });

  it('writes each column as exactly its values, not the spare room a live column grows into', async () => {
    const db = await open();
    const live = appendColumn(emptyColumn(), [1, 2, 3]);
    const record = run('live', 1);
    const curves = { ...record.curves, trainTime: live.subarray(0, 2) };
    await db.put({ ...record, curves });
    const read = (await db.get('live'))!.curves.trainTime!;
    expect(read).toEqual(Float64Array.of(1, 2));
    expect(read.buffer.byteLength).toBe(2 * 8);
  });
});
