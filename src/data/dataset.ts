import type { InputSpec } from '../spec/types';

/** What a dataset offers each task: a class label or a regression vector per example. */
export type TargetInfo =
  { kind: 'classification'; classes: number } | { kind: 'regression'; dims: number };

/** A target as the data menu describes it. */
export type DescribedTarget = TargetInfo & { description: string };

/** One split of a dataset, row-major, ready to upload to the device. */
export interface Split {
  size: number;
  /** size × (input elements) features, pixels or token ids. */
  x: Float32Array;
  /** Per target: class indices (size) or regression values (size × dims). */
  targets: Record<string, Float32Array>;
}

/** A dataset in host memory: the same shape whatever its source. */
export interface Dataset {
  name: string;
  input: InputSpec;
  targets: Record<string, TargetInfo>;
  train: Split;
  val: Split;
  /** For a CSV: rows dropped, values imputed, standardization used. */
  csvReport?: CsvReport;
}

/** Values per example of an input. */
export function inputElements(input: InputSpec): number {
  switch (input.kind) {
    case 'features':
      return input.size;
    case 'image':
      return input.height * input.width * input.channels;
    case 'tokens':
      return input.length;
  }
}

/** Drops the descriptions of a target table. */
export function targetInfos(targets: Record<string, DescribedTarget>): Record<string, TargetInfo> {
  const out: Record<string, TargetInfo> = {};
  for (const [name, { description, ...info }] of Object.entries(targets)) out[name] = info;
  return out;
}

/**
 * Splits generated columns into train and validation (the last `valFraction` of the examples;
 * generators draw i.i.d., so no shuffle is needed).
 */
export function splitColumns(
  x: Float32Array,
  columns: Record<string, Float32Array>,
  size: number,
  valFraction: number,
): { train: Split; val: Split } {
  const width = size > 0 ? x.length / size : 0;
  const trainSize = size - Math.round(size * valFraction);
  const slice = (from: number, to: number): Split => {
    const targets: Record<string, Float32Array> = {};
    for (const [name, values] of Object.entries(columns)) {
      const dims = size > 0 ? values.length / size : 1; // regression targets may be vectors
      targets[name] = values.slice(from * dims, to * dims);
    }
    return { size: to - from, x: x.slice(from * width, to * width), targets };
  };
  return { train: slice(0, trainSize), val: slice(trainSize, size) };
}

/** What became of the rows, shown beside the preview. */
export interface CsvReport {
  rows: number;
  /** Rows left out for a missing value (with `impute`, only missing targets). */
  dropped: number;
  /** Input values filled in from training statistics. */
  imputed: number;
  train: number;
  val: number;
  /** Mean and standard deviation used to standardize each numeric input and regression target. */
  scaling: { column: string; mean: number; sd: number }[];
}
