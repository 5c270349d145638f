import type { Design } from './serialize';
import type { WeightingSettings } from './weighting';

/** One method an experiment compares: a weighting with its hyper-parameters. */
export interface ExperimentMethod {
  label: string;
  weighting: WeightingSettings;
}

/**
 * A grid of runs on one design: every method with every seed, each for `steps` steps, plus the
 * single-task baselines of each seed (trained once, shared by every method) for Δm %.
 */
export interface ExperimentSpec {
  id: string;
  createdAt: number;
  /** The design every run starts from; a run changes only its weighting, seed and budget. */
  design: Design;
  methods: ExperimentMethod[];
  seeds: number[];
  steps: number;
}

/** One run of the grid. */
export interface ExperimentCell {
  method: number;
  seed: number;
}

/** The runs in the order they train: seed by seed, so each seed's baselines come early. */
export function experimentCells(spec: Pick<ExperimentSpec, 'methods' | 'seeds'>): ExperimentCell[] {
  return spec.seeds.flatMap((seed) => spec.methods.map((_, method) => ({ method, seed })));
}

/** The design one cell trains: the base design with the method's weighting, the seed and budget. */
export function cellDesign(spec: ExperimentSpec, cell: ExperimentCell): Design {
  return {
    ...spec.design,
    config: {
      ...spec.design.config,
      weighting: spec.methods[cell.method]!.weighting,
      seed: cell.seed,
      maxSteps: spec.steps,
    },
  };
}

/** Seeds 1, 2, … n after the design's own seed, so the first run matches the design as drawn. */
export const experimentSeeds = (first: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => first + i);
