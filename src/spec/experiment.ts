import type { Design } from './serialize';
import { STRATEGIES, type StrategyId, type WeightingSettings } from './weighting';

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

/** What the Experiment panel is set to before it runs: the methods picked, seeds, steps. */
export interface ExperimentDraft {
  strategies: StrategyId[];
  seeds: number;
  steps: number;
}

export const DEFAULT_EXPERIMENT_DRAFT: ExperimentDraft = {
  strategies: ['equal', 'mgda'],
  seeds: 3,
  steps: 300,
};

/** Most seeds an experiment takes from the panel or a link. */
export const MAX_SEEDS = 20;

/** A draft as a short link parameter: `equal.mgda.cagrad~3~300`. */
export const encodeExperimentDraft = (d: ExperimentDraft): string =>
  `${d.strategies.join('.')}~${d.seeds}~${d.steps}`;

/** The inverse of encodeExperimentDraft; null for anything a link should not set. */
export function decodeExperimentDraft(text: string): ExperimentDraft | null {
  const [methods, seeds, steps, ...rest] = text.split('~');
  const strategies = (methods ?? '').split('.').filter((s) => s !== '');
  const n = Number(seeds);
  const budget = Number(steps);
  const known = strategies.every((s) => (STRATEGIES as readonly string[]).includes(s));
  if (rest.length || !known || strategies.length === 0) return null;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEEDS) return null;
  if (!Number.isInteger(budget) || budget < 1 || budget > 1_000_000) return null;
  return { strategies: [...new Set(strategies)] as StrategyId[], seeds: n, steps: budget };
}
