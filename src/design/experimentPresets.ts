import type { ExperimentDraft } from '../spec/experiment';

/** A comparison worth running: a design preset and the Experiment panel's settings for it. */
export interface ExperimentPreset {
  id: string;
  label: string;
  /** The design preset it runs on (src/design/presets.ts). */
  design: string;
  draft: ExperimentDraft;
}

/** Comparisons the literature made, to run here (docs/BENCHMARKS.md says what each found). */
export const EXPERIMENT_PRESETS: ExperimentPreset[] = [
  {
    id: 'multimnist-classics',
    label: 'MultiMNIST: Equal vs MGDA-UB vs PCGrad vs CAGrad, 3 seeds',
    design: 'multimnist',
    draft: {
      strategies: ['equal', 'mgda', 'pcgrad', 'cagrad'],
      architectures: [],
      seeds: 3,
      steps: 3000,
    },
  },
  {
    id: 'competing-tasks',
    label:
      'Circle + wave (competing tasks): Equal vs UW vs GradNorm vs MGDA-UB vs Nash-MTL, 3 seeds',
    design: 'toy2d',
    draft: {
      strategies: ['equal', 'uncertainty', 'gradnorm', 'mgda', 'nash'],
      architectures: [],
      seeds: 3,
      steps: 2000,
    },
  },
  {
    id: 'task-correlation',
    label: 'Tabular, task correlation ρ = 0.5: hard sharing vs MMoE vs CGC, 3 seeds',
    design: 'correlated',
    draft: { strategies: ['equal'], architectures: ['hard', 'mmoe', 'cgc'], seeds: 3, steps: 2000 },
  },
];
