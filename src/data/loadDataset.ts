import type { DataSpec, DatasetKind, InputSpec } from '../spec/types';
import type { Dataset, DescribedTarget, TargetInfo } from './dataset';
import { targetInfos } from './dataset';
import { generateSequences, SEQUENCES_INPUT, SEQUENCES_TARGETS } from './sequences';
import { generateShapes, SHAPES_INPUT, SHAPES_TARGETS } from './shapes';
import { generateToy2d, TOY2D_INPUT, TOY2D_TARGETS } from './toy2d';

/** What a dataset offers a design, known without generating it (the UI validates against this). */
export interface DatasetSchema {
  input: InputSpec;
  targets: Record<string, TargetInfo>;
}

interface Catalogue {
  label: string;
  input: InputSpec;
  targets: Record<string, DescribedTarget>;
  generate(spec: DataSpec): Dataset;
}

/** Every built-in dataset, by kind. */
export const DATASET_CATALOGUE: Record<DatasetKind, Catalogue> = {
  toy2d: {
    label: '2-D points: circle, xor, wave, bowl',
    input: TOY2D_INPUT,
    targets: TOY2D_TARGETS,
    generate: generateToy2d,
  },
  shapes: {
    label: 'Images 12×12: shape, size, x, y',
    input: SHAPES_INPUT,
    targets: SHAPES_TARGETS,
    generate: generateShapes,
  },
  sequences: {
    label: 'Token sequences: mean, repeat, order',
    input: SEQUENCES_INPUT,
    targets: SEQUENCES_TARGETS,
    generate: generateSequences,
  },
};

function entry(kind: DatasetKind): Catalogue {
  const found = DATASET_CATALOGUE[kind] as Catalogue | undefined;
  if (!found) throw new Error(`Unknown dataset '${String(kind)}'`);
  return found;
}

/** The schema of a data spec: input and targets. */
export function describeDataset(spec: DataSpec): DatasetSchema {
  const { input, targets } = entry(spec.kind);
  return { input, targets: targetInfos(targets) };
}

/** Materializes the dataset a spec describes. */
export function loadDataset(spec: DataSpec): Dataset {
  return entry(spec.kind).generate(spec);
}
