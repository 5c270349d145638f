import type { DataSpec } from '../spec/types';
import type { Dataset, TargetInfo } from './dataset';
import { generateToy2d, toy2dTargets } from './toy2d';

/** What a dataset offers a design, known without generating it (the UI validates against this). */
export interface DatasetSchema {
  inputDim: number;
  targets: Record<string, TargetInfo>;
}

/** The schema of a data spec: input width and targets. */
export function describeDataset(spec: DataSpec): DatasetSchema {
  switch (spec.kind) {
    case 'toy2d':
      return { inputDim: 2, targets: toy2dTargets() };
    default:
      throw new Error(`Unknown dataset '${String((spec as { kind: unknown }).kind)}'`);
  }
}

/** Materializes the dataset a spec describes. */
export function loadDataset(spec: DataSpec): Dataset {
  switch (spec.kind) {
    case 'toy2d':
      return generateToy2d(spec);
    default:
      throw new Error(`Unknown dataset '${String((spec as { kind: unknown }).kind)}'`);
  }
}
