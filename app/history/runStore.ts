import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Design } from '../../src/spec/serialize';
import { compactColumn, toColumn, type Column } from '../store/column';
import { compactSeries, seriesFrom, type Series } from '../store/runView';

/** A run as kept across reloads: what it trained, how far, its curves. Weights live beside it. */
export interface SavedRun {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  design: Design;
  /** Where it stood when last saved; `running` after a reload means the tab closed mid-run. */
  state: 'running' | 'paused' | 'done' | 'idle';
  step: number;
  backend: string | null;
  tasks: string[];
  params: number | null;
  curves: {
    trainLoss: Series;
    valLoss: Series;
    valMetric: Series;
    weights: Series;
    /** Seconds of training at each training step (absent in the first saved runs). */
    trainTime?: Column;
  };
  /** Step of the kept weights (null: none kept yet). */
  checkpointStep: number | null;
  /** Each task trained alone, when the person ran baselines. */
  baselines?: { steps: number; results: { task: string; metric: number; loss: number }[] } | null;
  /** The experiment this run is one cell of: its id, the method's label and the seed. */
  experiment?: { id: string; label: string; seed: number };
}

/** A run's weights at one step, in the tf.js layers format. */
export interface SavedCheckpoint {
  runId: string;
  step: number;
  modelJson: string;
  weightData: ArrayBuffer;
  savedAt: number;
}

interface Schema extends DBSchema {
  runs: { key: string; value: SavedRun };
  checkpoints: { key: string; value: SavedCheckpoint };
}

/** What the app needs of run storage; tests and browsers without IndexedDB get other ones. */
export interface RunStorage {
  list(): Promise<SavedRun[]>;
  get(id: string): Promise<SavedRun | undefined>;
  /**
   * Saves a run's record and returns what was stored: the name and the kept weights' step stay
   * as stored (they belong to rename and putCheckpoint, which a save may race).
   */
  put(run: SavedRun): Promise<SavedRun>;
  /** Keeps a checkpoint and records its step on the run, in one transaction. */
  putCheckpoint(checkpoint: SavedCheckpoint): Promise<void>;
  checkpoint(id: string): Promise<SavedCheckpoint | undefined>;
  rename(id: string, name: string): Promise<void>;
  /** Removes a run and its weights together. */
  delete(id: string): Promise<void>;
}

type Curves = SavedRun['curves'];

/** The curves with each series and the training times passed through `series` and `column`. */
const mapCurves = (
  { trainLoss, valLoss, valMetric, weights, trainTime }: Curves,
  series: (s: Series) => Series,
  column: (c: Column) => Column,
): Curves => ({
  trainLoss: series(trainLoss),
  valLoss: series(valLoss),
  valMetric: series(valMetric),
  weights: series(weights),
  ...(trainTime ? { trainTime: column(trainTime) } : {}),
});

/**
 * A run as written: every column copied to exactly its values (a live column's buffer holds
 * spare room, and after a rollback values past its end, which structured cloning would store).
 */
const toStorage = (run: SavedRun): SavedRun => ({
  ...run,
  curves: mapCurves(run.curves, compactSeries, compactColumn),
});

/**
 * A run as the app holds it: records saved before the curves became columns kept plain arrays,
 * which are read as columns here (the stored record stays as it is until saved again).
 */
const fromStorage = (run: SavedRun): SavedRun => ({
  ...run,
  curves: mapCurves(run.curves, seriesFrom, toColumn),
});

const DB_NAME = 'mtl-playground';
const DB_VERSION = 1;

/** Run storage in IndexedDB: survives reloads and browser restarts. */
export class IndexedDbRunStorage implements RunStorage {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  static async open(name = DB_NAME): Promise<IndexedDbRunStorage> {
    const db = await openDB<Schema>(name, DB_VERSION, {
      upgrade(database) {
        database.createObjectStore('runs', { keyPath: 'id' });
        database.createObjectStore('checkpoints', { keyPath: 'runId' });
      },
    });
    return new IndexedDbRunStorage(db);
  }

  async list(): Promise<SavedRun[]> {
    const runs = await this.db.getAll('runs');
    return runs.map(fromStorage).sort((a, b) => b.createdAt - a.createdAt);
  }

  async get(id: string): Promise<SavedRun | undefined> {
    const run = await this.db.get('runs', id);
    return run && fromStorage(run);
  }

  async put(run: SavedRun): Promise<SavedRun> {
    const tx = this.db.transaction('runs', 'readwrite');
    const current = await tx.store.get(run.id);
    const stored = current
      ? { ...run, name: current.name, checkpointStep: current.checkpointStep }
      : run;
    await tx.store.put(toStorage(stored));
    await tx.done;
    return stored;
  }

  async putCheckpoint(checkpoint: SavedCheckpoint): Promise<void> {
    const tx = this.db.transaction(['runs', 'checkpoints'], 'readwrite');
    const run = await tx.objectStore('runs').get(checkpoint.runId);
    await tx.objectStore('checkpoints').put(checkpoint);
    if (run) await tx.objectStore('runs').put({ ...run, checkpointStep: checkpoint.step });
    await tx.done;
  }

  checkpoint(id: string): Promise<SavedCheckpoint | undefined> {
    return this.db.get('checkpoints', id);
  }

  async rename(id: string, name: string): Promise<void> {
    const tx = this.db.transaction('runs', 'readwrite');
    const run = await tx.store.get(id);
    if (run) await tx.store.put({ ...run, name });
    await tx.done;
  }

  async delete(id: string): Promise<void> {
    const tx = this.db.transaction(['runs', 'checkpoints'], 'readwrite');
    await Promise.all([
      tx.objectStore('runs').delete(id),
      tx.objectStore('checkpoints').delete(id),
    ]);
    await tx.done;
  }
}
