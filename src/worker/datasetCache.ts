import type { Dataset } from '../data/dataset';
import { loadDataset } from '../data/loadDataset';
import type { DataSpec } from '../spec/types';
import type { AssetCache } from './assets';

/**
 * The dataset of the latest data spec, built once: a preview and the run that follows it (or a
 * Reset and a new run) share it instead of generating MNIST sets or re-reading a CSV twice.
 */
export class DatasetCache {
  private latest: { key: string; dataset: Dataset } | null = null;

  constructor(private readonly assets: AssetCache) {}

  /** The dataset of a spec, from the cache when the spec is the same. */
  async get(spec: DataSpec): Promise<Dataset> {
    const key = JSON.stringify(spec);
    if (this.latest?.key === key) return this.latest.dataset;
    const dataset = loadDataset(spec, await this.assets.forData(spec));
    this.latest = { key, dataset };
    return dataset;
  }

  /** Forgets the cached dataset (its source file changed). */
  clear(): void {
    this.latest = null;
  }
}
