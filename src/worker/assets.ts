import type { CsvTable } from '../data/csv/csvTable';
import { neededAsset, type DataAssets } from '../data/loadDataset';
import { decodeMnist, MNIST_PATH, type MnistDigits } from '../data/mnistFile';
import type { DataSpec } from '../spec/types';
import { messageOf } from './stepPolicy';

/** Reads a file the app serves itself (a path relative to its base URL). */
export type FetchAsset = (path: string) => Promise<Uint8Array>;

/**
 * Loads the files datasets are built from, once each, and keeps them for later runs: the MNIST
 * digits from the app's origin, and the user's latest CSV file once parsed.
 */
export class AssetCache {
  private mnist: Promise<MnistDigits> | null = null;
  private csv: CsvTable | null = null;

  constructor(private readonly fetchAsset: FetchAsset) {}

  /** Keeps a parsed CSV (replacing the previous one: one file at a time stays in memory). */
  setCsv(table: CsvTable): void {
    this.csv = table;
  }

  /** Everything the data spec needs, loaded. */
  async forData(spec: DataSpec): Promise<DataAssets> {
    const needed = neededAsset(spec);
    if (needed === 'csv') return { csv: this.csvFor(spec) };
    if (needed !== 'mnist') return {};
    this.mnist ??= this.fetchAsset(MNIST_PATH).then(decodeMnist);
    try {
      return { mnist: await this.mnist };
    } catch (e) {
      this.mnist = null; // a later run may try again
      const reason = messageOf(e);
      throw new Error(`Could not load the MNIST digits: ${reason}`, { cause: e });
    }
  }

  private csvFor(spec: DataSpec): CsvTable {
    const wanted = spec.csv;
    if (wanted && this.csv?.fingerprint === wanted.fingerprint) return this.csv;
    const file = wanted ? `'${wanted.file}'` : 'A CSV file';
    throw new Error(
      `${file} is not loaded: upload it again with Upload CSV (files stay on your disk; they are not kept after a reload)`,
    );
  }
}

/** The browser's way: fetch from the app's own origin. */
export function fetchFromOrigin(base: string): FetchAsset {
  return async (path) => {
    const response = await fetch(`${base}${path}`);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}
