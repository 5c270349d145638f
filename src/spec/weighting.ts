/**
 * The task-weighting strategies the user can choose, with what the UI needs to know about them.
 * No tf.js here: the UI imports this. Definitions: docs/SCIENCE.md; implementations: src/train/weighting.
 */
export const STRATEGIES = [
  'static',
  'equal',
  'uncertainty',
  'dwa',
  'rlw',
  'gradnorm',
  'mgda',
  'pcgrad',
  'cagrad',
  'gls',
  'imtl',
  'aligned',
  'nash',
] as const;
export type StrategyId = (typeof STRATEGIES)[number];

/** The chosen strategy and every strategy's hyper-parameters (kept when switching back and forth). */
export interface WeightingSettings {
  strategy: StrategyId;
  /** GradNorm's asymmetry α (default 1.5). */
  gradnormAlpha: number;
  /** CAGrad's conflict radius c (default 0.5). */
  cagradC: number;
  /** DWA's temperature τ (default 2). */
  dwaTemperature: number;
  /** DWA compares mean losses over windows of this many steps (its "epochs"). */
  dwaWindow: number;
}

export const DEFAULT_WEIGHTING: WeightingSettings = {
  strategy: 'static',
  gradnormAlpha: 1.5,
  cagradC: 0.5,
  dwaTemperature: 2,
  dwaWindow: 20,
};

/** How a strategy works, as the UI explains it. */
export interface StrategyInfo {
  label: string;
  /** `loss`: weights the losses, one backward pass; `gradient`: needs per-task gradients. */
  family: 'loss' | 'gradient';
  summary: string;
}

export const STRATEGY_INFO: Record<StrategyId, StrategyInfo> = {
  static: {
    label: 'Static λ (sliders)',
    family: 'loss',
    summary: 'L = Σ λᵢ·Lᵢ with the λ you set.',
  },
  equal: { label: 'Equal', family: 'loss', summary: 'L = Σ Lᵢ: every task weighs 1.' },
  uncertainty: {
    label: 'Uncertainty (Kendall et al.)',
    family: 'loss',
    summary: 'Learns sᵢ = log σᵢ²; L = Σ ½e^(−sᵢ)·Lᵢ + ½sᵢ, so λᵢ = ½e^(−sᵢ).',
  },
  dwa: {
    label: 'DWA (Liu et al.)',
    family: 'loss',
    summary:
      'λᵢ = T·softmax(rᵢ/τ), rᵢ = the ratio of task i’s mean loss over the last two windows.',
  },
  rlw: {
    label: 'RLW (random loss weighting)',
    family: 'loss',
    summary: 'Each step λ = T·softmax(z), z ~ N(0, I).',
  },
  gradnorm: {
    label: 'GradNorm (Chen et al.)',
    family: 'gradient',
    summary:
      'Learns wᵢ so that each task’s gradient norm follows its relative training rate^α; Σwᵢ = T.',
  },
  mgda: {
    label: 'MGDA-UB (Sener & Koltun)',
    family: 'gradient',
    summary: 'The min-norm convex combination of the task gradients at the shared representation.',
  },
  pcgrad: {
    label: 'PCGrad (Yu et al.)',
    family: 'gradient',
    summary:
      'Projects each task gradient off the others it conflicts with (negative dot product), then sums.',
  },
  cagrad: {
    label: 'CAGrad (Liu et al.)',
    family: 'gradient',
    summary:
      'Moves along the average gradient, corrected to improve the worst task within radius c·‖g₀‖.',
  },
  gls: {
    label: 'GLS (geometric mean of losses)',
    family: 'loss',
    summary:
      'L = (Π Lᵢ)^(1/T): task i weighs L/(T·Lᵢ), so a task whose loss is already small counts for more.',
  },
  imtl: {
    label: 'IMTL-G (Liu et al.)',
    family: 'gradient',
    summary:
      'The combination Σαᵢgᵢ (Σαᵢ = 1) with the same projection on every task’s unit gradient: impartial to gradient size.',
  },
  aligned: {
    label: 'Aligned-MTL (Senushkin et al.)',
    family: 'gradient',
    summary:
      'Rescales every principal direction of the task gradients to the smallest singular value, then sums: a well-conditioned update.',
  },
  nash: {
    label: 'Nash-MTL (Navon et al.)',
    family: 'gradient',
    summary: 'The Nash bargaining solution: d = Σαᵢgᵢ with each task’s gain gᵢ·d = 1/αᵢ.',
  },
};

/** Strategies whose weights change during training (all but static λ and Equal). */
export const ADAPTIVE_STRATEGIES: readonly StrategyId[] = STRATEGIES.filter(
  (s) => s !== 'static' && s !== 'equal',
);

/** Why a strategy cannot do its job for this many tasks, or null. */
export function strategyCaveat(strategy: StrategyId, taskCount: number): string | null {
  if (taskCount >= 2 || strategy === 'static' || strategy === 'equal') return null;
  return `${STRATEGY_INFO[strategy].label} balances several tasks; with one task it has nothing to balance and trains that task alone.`;
}
