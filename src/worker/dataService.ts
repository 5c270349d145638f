import { summarizeTable } from '../data/csv/csvSummary';
import { readCsvFile } from '../data/csv/readCsvFile';
import type { Dataset } from '../data/dataset';
import { previewDataset } from '../data/preview';
import type { DataSpec } from '../spec/types';
import { validateData } from '../design/validate';
import { AssetCache, type FetchAsset } from './assets';
import { DatasetCache } from './datasetCache';
import type { FromWorker } from './protocol';
import { messageOf } from './stepPolicy';

/** Least time between two progress messages of a CSV read. */
const PROGRESS_EVERY_MS = 50;

/** The worker's data desk: reads the user's CSV, builds datasets once, and previews them. */
export class DataService {
  private readonly assets: AssetCache;
  private readonly datasets: DatasetCache;

  constructor(
    private readonly post: (message: FromWorker) => void,
    fetchAsset: FetchAsset,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.assets = new AssetCache(fetchAsset);
    this.datasets = new DatasetCache(this.assets);
  }

  /** The dataset a run trains on. */
  dataset(spec: DataSpec): Promise<Dataset> {
    return this.datasets.get(spec);
  }

  /** Parses a CSV slice by slice with progress; keeps it for later runs, or says what is wrong with it. */
  async loadCsv(requestId: number, file: Blob, name: string): Promise<void> {
    let lastPost = -Infinity;
    try {
      const table = await readCsvFile(file, name, (bytes, total) => {
        if (bytes < total && this.now() - lastPost < PROGRESS_EVERY_MS) return;
        lastPost = this.now();
        this.post({ type: 'csvProgress', requestId, bytes, total });
      });
      this.assets.setCsv(table);
      this.datasets.clear();
      this.post({ type: 'csvLoaded', requestId, summary: summarizeTable(table) });
    } catch (e) {
      this.post({ type: 'csvFailed', requestId, message: `${name}: ${messageOf(e)}` });
    }
  }

  /** Answers with a preview of the data a spec describes, or with why it cannot be built. */
  async preview(requestId: number, spec: DataSpec): Promise<void> {
    const problem = validateData(spec)[0];
    if (problem) {
      this.post({ type: 'dataPreview', requestId, preview: null, message: problem.message });
      return;
    }
    try {
      const preview = previewDataset(await this.datasets.get(spec));
      this.post({ type: 'dataPreview', requestId, preview });
    } catch (e) {
      this.post({ type: 'dataPreview', requestId, preview: null, message: messageOf(e) });
    }
  }
}
