import type { CsvReport } from './dataset';
import { inputElements, type Dataset, type TargetInfo } from './dataset';

/** How many examples each kind of preview shows: enough to see the data, little to post. */
const SHOWN = { points: 1500, images: 30, tokens: 8 } as const;

/** The examples a preview shows, by input kind. */
export type PreviewSample =
  | { kind: 'points'; x: Float32Array }
  | { kind: 'images'; height: number; width: number; channels: number; pixels: Float32Array }
  | { kind: 'tokens'; length: number; tokens: Float32Array }
  | { kind: 'features'; size: number };

/** What the UI shows of a dataset before training: examples with every label, and the split. */
export interface DataPreview {
  train: number;
  val: number;
  targets: Record<string, TargetInfo>;
  /** Examples shown, the first of the training split. */
  count: number;
  /** Per target, the label of each shown example (the first value of a vector target). */
  labels: Record<string, Float32Array>;
  /** Standard deviation of each regression target on the training split: the scale of its loss. */
  spread: Record<string, number>;
  sample: PreviewSample;
  csvReport?: CsvReport;
}

function sampleOf(dataset: Dataset): { count: number; sample: PreviewSample } {
  const { input, train } = dataset;
  const take = (n: number) => Math.min(n, train.size);
  switch (input.kind) {
    case 'features':
      if (input.size === 2) {
        const count = take(SHOWN.points);
        return { count, sample: { kind: 'points', x: train.x.slice(0, count * 2) } };
      }
      return { count: 0, sample: { kind: 'features', size: input.size } };
    case 'image': {
      const count = take(SHOWN.images);
      const { height, width, channels } = input;
      const pixels = train.x.slice(0, count * inputElements(input));
      return { count, sample: { kind: 'images', height, width, channels, pixels } };
    }
    case 'tokens': {
      const count = take(SHOWN.tokens);
      return {
        count,
        sample: {
          kind: 'tokens',
          length: input.length,
          tokens: train.x.slice(0, count * input.length),
        },
      };
    }
  }
}

function standardDeviation(values: Float32Array): number {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length || 1;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return Math.sqrt(sq / Math.max(1, values.length - 1));
}

/** The preview of a dataset: a few training examples fit to its input kind, with every target's labels. */
export function previewDataset(dataset: Dataset): DataPreview {
  const { count, sample } = sampleOf(dataset);
  const labels: Record<string, Float32Array> = {};
  const spread: Record<string, number> = {};
  for (const [name, info] of Object.entries(dataset.targets)) {
    const values = dataset.train.targets[name]!;
    const dims = info.kind === 'regression' ? info.dims : 1;
    labels[name] = Float32Array.from({ length: count }, (_, i) => values[i * dims]!);
    if (info.kind === 'regression') spread[name] = standardDeviation(values);
  }
  return {
    train: dataset.train.size,
    val: dataset.val.size,
    targets: dataset.targets,
    count,
    labels,
    spread,
    sample,
    ...(dataset.csvReport ? { csvReport: dataset.csvReport } : {}),
  };
}
