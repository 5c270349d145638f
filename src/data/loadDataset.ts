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
import { buildCsvDataset, csvInputWidth, csvTargets } from './csv/csvDataset';
import type { CsvTable } from './csv/csvTable';
import {
  DEFAULT_GRADNORM_SCALES,
  generateGradnormToy,
  GRADNORM_INPUT,
  gradnormTargets,
} from './gradnormToy';
import { CORRELATED_INPUT, CORRELATED_TARGETS, generateCorrelatedTasks } from './correlatedTasks';

/** What a dataset offers a design, known without generating it (the UI validates against this). */
export interface DatasetSchema {
  input: InputSpec;
  targets: Record<string, TargetInfo>;
}

/** Files some datasets are built from, loaded by the worker from the app's own origin. */
export interface DataAssets {
  mnist?: MnistDigits;
  /** The user's parsed CSV file (it lives in the worker, never in the design). */
  csv?: CsvTable;
}

interface Catalogue {
  label: string;
  schema(spec: DataSpec): DatasetSchema;
  /** The most examples this dataset can offer. */
  maxSize(spec: DataSpec): number;
  /** An asset the generator needs. */
  needs?: keyof DataAssets;
  generate(spec: DataSpec, assets: DataAssets): Dataset;
}

const fixed = (input: InputSpec, targets: Record<string, DescribedTarget>) => {
  const schema: DatasetSchema = { input, targets: targetInfos(targets) };
  return () => schema;
};

const withAsset =
  <K extends keyof DataAssets>(
    key: K,
    what: string,
    generate: (spec: DataSpec, asset: NonNullable<DataAssets[K]>) => Dataset,
  ) =>
  (spec: DataSpec, assets: DataAssets): Dataset => {
    const asset = assets[key];
    if (!asset) throw new Error(`${what} is not loaded`);
    return generate(spec, asset as NonNullable<DataAssets[K]>);
  };

/** Every dataset, by kind. */
export const DATASET_CATALOGUE: Record<DatasetKind, Catalogue> = {
  toy2d: {
    label: '2-D points: circle, xor, gauss, spiral, wave, bowl, plane',
    schema: fixed(TOY2D_INPUT, TOY2D_TARGETS),
    maxSize: () => 100_000,
    generate: generateToy2d,
  },
  shapes: {
    label: 'Images 12×12: shape, size, x, y',
    schema: fixed(SHAPES_INPUT, SHAPES_TARGETS),
    maxSize: () => 100_000,
    generate: generateShapes,
  },
  sequences: {
    label: 'Token sequences: mean, repeat, order',
    schema: fixed(SEQUENCES_INPUT, SEQUENCES_TARGETS),
    maxSize: () => 100_000,
    generate: generateSequences,
  },
  multimnist: {
    label: 'MultiMNIST: left and right digit',
    schema: fixed(MNIST_INPUT, MULTIMNIST_TARGETS),
    maxSize: () => 20_000,
    needs: 'mnist',
    generate: withAsset('mnist', 'The MNIST digits', generateMultiMnist),
  },
  mnist: {
    label: 'MNIST: digit, parity, greater than 4',
    schema: fixed(MNIST_INPUT, MNIST_TASK_TARGETS),
    maxSize: () => 10_000,
    needs: 'mnist',
    generate: withAsset('mnist', 'The MNIST digits', generateMnistTasks),
  },
  gradnorm: {
    label: 'GradNorm toy: tasks alike but for their scale σᵢ',
    schema: (spec) => ({
      input: GRADNORM_INPUT,
      targets: gradnormTargets(spec.scales ?? DEFAULT_GRADNORM_SCALES),
    }),
    maxSize: () => 5_000,
    generate: generateGradnormToy,
  },
  correlated: {
    label:
      'Correlated regressions (MMoE paper): a table of 100 columns, two tasks at correlation ρ',
    schema: fixed(CORRELATED_INPUT, CORRELATED_TARGETS),
    maxSize: () => 20_000,
    generate: generateCorrelatedTasks,
  },
  csv: {
    label: 'Your CSV file',
    schema: (spec) => ({
      input: { kind: 'features', size: spec.csv ? csvInputWidth(spec.csv) : 0 },
      targets: spec.csv ? csvTargets(spec.csv) : {},
    }),
    maxSize: (spec) => spec.csv?.rows ?? 0,
    needs: 'csv',
    generate: withAsset('csv', 'The CSV file', (spec, table) => {
      const { dataset, report } = buildCsvDataset(table, spec);
      return { ...dataset, csvReport: report };
    }),
  },
};

function entry(kind: DatasetKind): Catalogue {
  const found = DATASET_CATALOGUE[kind] as Catalogue | undefined;
  if (!found) throw new Error(`Unknown dataset '${String(kind)}'`);
  return found;
}

/** The schema of a data spec: input and targets. */
export function describeDataset(spec: DataSpec): DatasetSchema {
  return entry(spec.kind).schema(spec);
}

/** The asset a data spec needs loaded first, if any. */
export function neededAsset(spec: DataSpec): keyof DataAssets | null {
  return entry(spec.kind).needs ?? null;
}

/** The most examples a dataset kind offers. */
export function maxDatasetSize(spec: DataSpec): number {
  return entry(spec.kind).maxSize(spec);
}

/** Materializes the dataset a spec describes, from loaded assets where it needs them. */
export function loadDataset(spec: DataSpec, assets: DataAssets = {}): Dataset {
  return entry(spec.kind).generate(spec, assets);
}
