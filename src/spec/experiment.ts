import type { Design } from './serialize';
import { SHARING_MODES, sharingModeNamed } from './sharing';
import type { SharingSpec } from './types';
import { STRATEGIES, STRATEGY_INFO, type StrategyId, type WeightingSettings } from './weighting';

type SharingModeId = SharingSpec['mode'];

/**
 * One method an experiment compares: a weighting with its hyper-parameters, and the architecture
 * (sharing mode and its settings) when it is not the design's own.
 */
export interface ExperimentMethod {
  label: string;
  weighting: WeightingSettings;
  sharing?: SharingSpec;
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
  const { sharing } = spec.methods[cell.method]!;
  return {
    ...spec.design,
    spec: sharing ? { ...spec.design.spec, sharing } : spec.design.spec,
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

/**
 * What the Experiment panel is set to before it runs: the weightings and architectures picked
 * (none: the design's own architecture), seeds, steps.
 */
export interface ExperimentDraft {
  strategies: StrategyId[];
  architectures: SharingModeId[];
  seeds: number;
  steps: number;
}

export const DEFAULT_EXPERIMENT_DRAFT: ExperimentDraft = {
  strategies: ['equal', 'mgda'],
  architectures: [],
  seeds: 3,
  steps: 300,
};

/**
 * The methods a draft compares: every picked architecture with every picked weighting, in the
 * panel's order. A weighting keeps the design's hyper-parameters; an architecture the design
 * already has keeps its settings, another starts from its initial ones. Labels name only what
 * varies (the weighting alone when no architecture was picked).
 */
export function experimentMethods(
  draft: Pick<ExperimentDraft, 'strategies' | 'architectures'>,
  design: Pick<Design, 'spec' | 'config'>,
): ExperimentMethod[] {
  const strategies = STRATEGIES.filter((id) => draft.strategies.includes(id));
  const modes = SHARING_MODES.filter((m) => draft.architectures.includes(m));
  const own = design.spec.sharing;
  const byWeighting = (sharing?: SharingSpec) =>
    strategies.map((strategy): ExperimentMethod => {
      const parts = [
        ...(sharing ? [sharingModeNamed(sharing.mode).name] : []),
        ...(!sharing || strategies.length > 1 ? [STRATEGY_INFO[strategy].label] : []),
      ];
      const weighting = { ...design.config.weighting, strategy };
      return { label: parts.join(' · '), weighting, ...(sharing ? { sharing } : {}) };
    });
  if (modes.length === 0) return byWeighting();
  return modes.flatMap((mode) =>
    byWeighting(mode === own.mode ? own : sharingModeNamed(mode).initial),
  );
}

/** Most seeds an experiment takes from the panel or a link. */
export const MAX_SEEDS = 20;

/** A draft as a short link parameter: `equal.mgda.cagrad~3~300`, then `~hard.mmoe` if any. */
export const encodeExperimentDraft = (d: ExperimentDraft): string =>
  `${d.strategies.join('.')}~${d.seeds}~${d.steps}${d.architectures.length ? `~${d.architectures.join('.')}` : ''}`;

/** The inverse of encodeExperimentDraft; null for anything a link should not set. */
export function decodeExperimentDraft(text: string): ExperimentDraft | null {
  const [methods, seeds, steps, modes, ...rest] = text.split('~');
  const strategies = (methods ?? '').split('.').filter((s) => s !== '');
  const architectures = (modes ?? '').split('.').filter((s) => s !== '');
  const n = Number(seeds);
  const budget = Number(steps);
  const known =
    strategies.every((s) => (STRATEGIES as readonly string[]).includes(s)) &&
    architectures.every((m) => (SHARING_MODES as readonly string[]).includes(m));
  if (rest.length || !known || strategies.length === 0) return null;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SEEDS) return null;
  if (!Number.isInteger(budget) || budget < 1 || budget > 1_000_000) return null;
  return {
    strategies: [...new Set(strategies)] as StrategyId[],
    architectures: [...new Set(architectures)] as SharingModeId[],
    seeds: n,
    steps: budget,
  };
}
