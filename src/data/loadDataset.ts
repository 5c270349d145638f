import type { DataSpec, DatasetKind, InputSpec } from '../spec/types';
import type { Dataset, DescribedTarget, TargetInfo } from './dataset';
import { targetInfos } from './dataset';
import type { MnistDigits } from './mnistFile';
import {
  generateMnistTasks,
  generateMultiMnist,
  MNIST_INPUT,
  MNIST_TASK_TARGETS,
  MULTIMNIST_TARGETS,
} from './mnistSets';
import { generateSequences, SEQUENCES_INPUT, SEQUENCES_TARGETS } from './sequences';
import { generateShapes, SHAPES_INPUT, SHAPES_TARGETS } from './shapes';
import { generateToy2d, TOY2D_INPUT, TOY2D_TARGETS } from './toy2d';

/** What a dataset offers a design, known without generating it (the UI validates against this). */
export interface DatasetSchema {
  input: InputSpec;
  targets: Record<string, TargetInfo>;
}

/** Files some datasets are built from, loaded by the worker from the app's own origin. */
export interface DataAssets {
  mnist?: MnistDigits;
}

interface Catalogue {
  label: string;
  input: InputSpec;
  targets: Record<string, DescribedTarget>;
  /** The most examples this dataset can offer. */
  maxSize: number;
  /** An asset the generator needs. */
  needs?: keyof DataAssets;
  generate(spec: DataSpec, assets: DataAssets): Dataset;
}

const withMnist =
  (generate: (spec: DataSpec, mnist: MnistDigits) => Dataset) =>
  (spec: DataSpec, assets: DataAssets): Dataset => {
    if (!assets.mnist) throw new Error('The MNIST digits are not loaded');
    return generate(spec, assets.mnist);
  };

/** Every built-in dataset, by kind. */
export const DATASET_CATALOGUE: Record<DatasetKind, Catalogue> = {
  toy2d: {
    label: '2-D points: circle, xor, wave, bowl',
    input: TOY2D_INPUT,
    targets: TOY2D_TARGETS,
    maxSize: 100_000,
    generate: generateToy2d,
  },
  shapes: {
    label: 'Images 12×12: shape, size, x, y',
    input: SHAPES_INPUT,
    targets: SHAPES_TARGETS,
    maxSize: 100_000,
    generate: generateShapes,
  },
  sequences: {
    label: 'Token sequences: mean, repeat, order',
    input: SEQUENCES_INPUT,
    targets: SEQUENCES_TARGETS,
    maxSize: 100_000,
    generate: generateSequences,
  },
  multimnist: {
    label: 'MultiMNIST: left and right digit',
    input: MNIST_INPUT,
    targets: MULTIMNIST_TARGETS,
    maxSize: 20_000,
    needs: 'mnist',
    generate: withMnist(generateMultiMnist),
  },
  mnist: {
    label: 'MNIST: digit, parity, greater than 4',
    input: MNIST_INPUT,
    targets: MNIST_TASK_TARGETS,
    maxSize: 10_000,
    needs: 'mnist',
    generate: withMnist(generateMnistTasks),
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

/** The asset a data spec needs loaded first, if any. */
export function neededAsset(spec: DataSpec): keyof DataAssets | null {
  return entry(spec.kind).needs ?? null;
}

/** The most examples a dataset kind offers. */
export function maxDatasetSize(spec: DataSpec): number {
  return entry(spec.kind).maxSize;
}

/** Materializes the dataset a spec describes, from loaded assets where it needs them. */
export function loadDataset(spec: DataSpec, assets: DataAssets = {}): Dataset {
  return entry(spec.kind).generate(spec, assets);
}
