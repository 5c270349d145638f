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
  'fairgrad',
  'upgrad',
  'gradvac',
  'famo',
  'stch',
  'graddrop',
  'dbmtl',
  'moco',
  'excess',
  'modo',
  'sdmgrad',
] as const;
export type StrategyId = (typeof STRATEGIES)[number];

/**
 * A strategy's hyper-parameter: one entry here gives its default, the field in the weighting
 * panel, the range validation enforces (with its message) and the design file's schema.
 */
export interface StrategyParam {
  /** The strategy it belongs to, or the strategies that share it (a convention common to them). */
  strategy: StrategyId | readonly StrategyId[];
  /** The field's label, also the name in validation messages. */
  label: string;
  default: number;
  min: number;
  max: number;
  /** Whether min itself is refused (a temperature of 0 divides by zero). */
  aboveMin?: boolean;
  /** Whether max itself is refused. */
  belowMax?: boolean;
  integer?: boolean;
  /** The field's spin-button step. */
  step: number;
  /** A choice among conventions rather than a number: the panel shows a select of these. */
  choices?: readonly { value: number; label: string }[];
}

export const STRATEGY_PARAMS = {
  gradnormAlpha: {
    strategy: 'gradnorm',
    label: 'GradNorm α',
    default: 1.5,
    min: 0,
    max: 10,
    step: 0.1,
  },
  gradnormRule: {
    strategy: 'gradnorm',
    label: 'GradNorm weight update',
    default: 0,
    min: 0,
    max: 1,
    integer: true,
    step: 1,
    choices: [
      { value: 0, label: 'w steps directly, renormalized to Σw = T (paper)' },
      { value: 1, label: 'w = T·softmax(ξ), ξ stepped by Adam (LibMTL)' },
    ],
  },
  /**
   * At the shared representation each task's gradient has one entry per sample and unit: its Gram
   * matrix can take them all (ours) or first sum them over the batch (LibMTL). The combined step
   * always uses the per-sample gradients.
   */
  representationGram: {
    strategy: ['gradnorm', 'mgda', 'imtl', 'aligned'],
    label: 'Representation gradients in the Gram matrix (hard sharing)',
    default: 0,
    min: 0,
    max: 1,
    integer: true,
    step: 1,
    choices: [
      { value: 0, label: 'per sample and unit' },
      { value: 1, label: 'summed over the batch (LibMTL)' },
    ],
  },
  mgdaNormalization: {
    strategy: 'mgda',
    label: 'MGDA gradient normalization',
    default: 0,
    min: 0,
    max: 3,
    integer: true,
    step: 1,
    choices: [
      { value: 0, label: 'none (Sener & Koltun)' },
      { value: 1, label: 'l2: unit gradients' },
      { value: 2, label: 'loss: gᵢ / Lᵢ' },
      { value: 3, label: 'loss+: gᵢ / (Lᵢ·‖gᵢ‖)' },
    ],
  },
  cagradRescale: {
    strategy: 'cagrad',
    label: 'CAGrad rescale',
    default: 1,
    min: 0,
    max: 2,
    integer: true,
    step: 1,
    choices: [
      { value: 0, label: 'none: d' },
      { value: 1, label: 'd / (1 + c²) (paper)' },
      { value: 2, label: 'd / (1 + c)' },
    ],
  },
  cagradC: {
    strategy: 'cagrad',
    label: 'CAGrad c',
    default: 0.5,
    min: 0,
    max: 10,
    belowMax: true,
    step: 0.1,
  },
  dwaTemperature: {
    strategy: 'dwa',
    label: 'DWA temperature',
    default: 2,
    min: 0,
    aboveMin: true,
    max: 100,
    step: 0.5,
  },
  fairgradAlpha: {
    strategy: 'fairgrad',
    label: 'FairGrad α',
    default: 2,
    min: 0,
    aboveMin: true,
    max: 100,
    step: 0.5,
  },
  gradvacBeta: {
    strategy: 'gradvac',
    label: 'GradVac β',
    default: 0.01,
    min: 0,
    max: 1,
    step: 0.01,
  },
  uwInitLogVariance: {
    strategy: 'uncertainty',
    label: 'UW initial sᵢ = log σᵢ²',
    default: 0,
    min: -5,
    max: 5,
    step: 0.5,
  },
  rlwDistribution: {
    strategy: 'rlw',
    label: 'RLW weight distribution',
    default: 0,
    min: 0,
    max: 3,
    integer: true,
    step: 1,
    choices: [
      { value: 0, label: 'softmax of z ~ N(0, 1) (paper)' },
      { value: 1, label: 'softmax of z ~ U(0, 1)' },
      { value: 2, label: 'Dirichlet(1): uniform on the simplex' },
      { value: 3, label: 'one task per step (constrained Bernoulli)' },
    ],
  },
  rlwScale: {
    strategy: 'rlw',
    label: 'RLW weights sum to',
    default: 0,
    min: 0,
    max: 1,
    integer: true,
    step: 1,
    choices: [
      { value: 0, label: 'T (as Equal)' },
      { value: 1, label: '1 (LibMTL)' },
    ],
  },
  pcgradOrder: {
    strategy: 'pcgrad',
    label: 'PCGrad projection order',
    default: 0,
    min: 0,
    max: 1,
    integer: true,
    step: 1,
    choices: [
      { value: 0, label: 'random each step (paper)' },
      { value: 1, label: 'fixed: task order' },
    ],
  },
  pcgradReduction: {
    strategy: 'pcgrad',
    label: 'PCGrad reduction',
    default: 0,
    min: 0,
    max: 1,
    integer: true,
    step: 1,
    choices: [
      { value: 0, label: 'sum (paper)' },
      { value: 1, label: 'mean' },
    ],
  },
  famoBeta: {
    strategy: 'famo',
    label: 'FAMO weight learning rate β',
    default: 0.025,
    min: 0,
    aboveMin: true,
    max: 10,
    step: 0.005,
  },
  famoGamma: {
    strategy: 'famo',
    label: 'FAMO weight decay γ',
    default: 0.01,
    min: 0,
    max: 10,
    step: 0.01,
  },
  stchMu: {
    strategy: 'stch',
    label: 'STCH smoothing μ',
    default: 1,
    min: 0,
    aboveMin: true,
    max: 100,
    step: 0.1,
  },
  stchWarmup: {
    strategy: 'stch',
    label: 'STCH warm-up (steps) for the nadir point',
    default: 50,
    min: 1,
    max: 1_000_000,
    integer: true,
    step: 10,
  },
  dbmtlBeta: {
    strategy: 'dbmtl',
    label: 'DB-MTL gradient average β',
    default: 0.9,
    min: 0,
    max: 1,
    belowMax: true,
    step: 0.05,
  },
  dbmtlSigma: {
    strategy: 'dbmtl',
    label: 'DB-MTL β decay σ (βₜ = β/t^σ)',
    default: 0,
    min: 0,
    max: 10,
    step: 0.1,
  },
  mocoBeta: {
    strategy: 'moco',
    label: 'MoCo gradient tracking β',
    default: 0.5,
    min: 0,
    aboveMin: true,
    max: 1,
    step: 0.05,
  },
  mocoGamma: {
    strategy: 'moco',
    label: 'MoCo weight step γ',
    default: 0.1,
    min: 0,
    aboveMin: true,
    max: 100,
    step: 0.05,
  },
  mocoRho: {
    strategy: 'moco',
    label: 'MoCo regularization ρ',
    default: 0,
    min: 0,
    max: 100,
    step: 0.1,
  },
  excessStep: {
    strategy: 'excess',
    label: 'ExcessMTL robust step η',
    default: 0.01,
    min: 0,
    aboveMin: true,
    max: 10,
    step: 0.01,
  },
  modoGamma: {
    strategy: 'modo',
    label: 'MoDo weight step γ',
    default: 0.1,
    min: 0,
    aboveMin: true,
    max: 100,
    step: 0.05,
  },
  modoRho: {
    strategy: 'modo',
    label: 'MoDo regularization ρ',
    default: 0,
    min: 0,
    max: 100,
    step: 0.1,
  },
  sdmgradOmega: {
    strategy: 'sdmgrad',
    label: 'SDMGrad pull to the average ω',
    default: 0.3,
    min: 0,
    max: 100,
    step: 0.1,
  },
  sdmgradGamma: {
    strategy: 'sdmgrad',
    label: 'SDMGrad weight step γ',
    default: 0.1,
    min: 0,
    aboveMin: true,
    max: 100,
    step: 0.05,
  },
  /** DWA compares mean losses over windows of this many steps (its "epochs"). */
  dwaWindow: {
    strategy: 'dwa',
    label: 'DWA window (steps)',
    default: 20,
    min: 1,
    max: 1_000_000,
    integer: true,
    step: 10,
  },
} as const satisfies Record<string, StrategyParam>;

export type StrategyParamKey = keyof typeof STRATEGY_PARAMS;
export const STRATEGY_PARAM_KEYS = Object.keys(STRATEGY_PARAMS) as StrategyParamKey[];

/** The chosen strategy and every strategy's hyper-parameters (kept when switching back and forth). */
export type WeightingSettings = { strategy: StrategyId } & Record<StrategyParamKey, number>;

export const DEFAULT_WEIGHTING: WeightingSettings = {
  strategy: 'static',
  ...(Object.fromEntries(STRATEGY_PARAM_KEYS.map((k) => [k, STRATEGY_PARAMS[k].default])) as Record<
    StrategyParamKey,
    number
  >),
};

/** The hyper-parameters a strategy has, in the order its panel shows them. */
export function paramsOf(strategy: StrategyId): StrategyParamKey[] {
  return STRATEGY_PARAM_KEYS.filter((k) => {
    const owner: StrategyParam['strategy'] = STRATEGY_PARAMS[k].strategy;
    return typeof owner === 'string' ? owner === strategy : owner.includes(strategy);
  });
}

/** Why a hyper-parameter's value is refused, or null. */
export function paramProblem(key: StrategyParamKey, value: unknown): string | null {
  const p: StrategyParam = STRATEGY_PARAMS[key];
  if (p.choices) {
    if (p.choices.some((c) => c.value === value)) return null;
    return `${p.label} must be one of ${p.choices.map((c) => c.label).join(', ')}; got ${String(value)}`;
  }
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (p.aboveMin ? value > p.min : value >= p.min) &&
    (p.belowMax ? value < p.max : value <= p.max) &&
    (!p.integer || Number.isInteger(value));
  if (ok) return null;
  const range = p.aboveMin
    ? `above ${p.min} and ${p.belowMax ? 'below' : 'at most'} ${p.max}`
    : `from ${p.min} to ${p.belowMax ? 'below ' : ''}${p.max}`;
  return `${p.label} must be ${p.integer ? 'a whole number ' : ''}${range}, got ${String(value)}`;
}

/**
 * Settings with every hyper-parameter present: designs saved before a strategy existed lack its
 * parameters, which take their defaults.
 */
export function completeWeighting(
  settings: Partial<WeightingSettings> & { strategy: StrategyId },
): WeightingSettings {
  return { ...DEFAULT_WEIGHTING, ...settings };
}

/** How a strategy works, as the UI explains it. */
export interface StrategyInfo {
  label: string;
  /** `loss`: weights the losses, one backward pass; `gradient`: needs per-task gradients. */
  family: 'loss' | 'gradient';
  summary: string;
  /** Takes gradients at the shared representation where the model has one (hard sharing). */
  representation?: true;
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
    summary: 'Each step fresh random weights: λ = T·softmax(z), z ~ N(0, I) by default.',
  },
  gradnorm: {
    label: 'GradNorm (Chen et al.)',
    family: 'gradient',
    representation: true,
    summary:
      'Learns wᵢ so that each task’s gradient norm follows its relative training rate^α; Σwᵢ = T.',
  },
  mgda: {
    label: 'MGDA-UB (Sener & Koltun)',
    family: 'gradient',
    representation: true,
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
    representation: true,
    summary:
      'The combination Σαᵢgᵢ (Σαᵢ = 1) with the same projection on every task’s unit gradient: impartial to gradient size.',
  },
  aligned: {
    label: 'Aligned-MTL (Senushkin et al.)',
    family: 'gradient',
    representation: true,
    summary:
      'Rescales every principal direction of the task gradients to the smallest singular value, then sums: a well-conditioned update.',
  },
  nash: {
    label: 'Nash-MTL (Navon et al.)',
    family: 'gradient',
    summary: 'The Nash bargaining solution: d = Σαᵢgᵢ with each task’s gain gᵢ·d = 1/αᵢ.',
  },
  upgrad: {
    label: 'UPGrad (Quinton & Rey)',
    family: 'gradient',
    summary:
      'Projects each task gradient onto the directions that harm no task, then adds them: no task’s loss rises to first order.',
  },
  famo: {
    label: 'FAMO (Liu et al.)',
    family: 'loss',
    summary:
      'Weights z = softmax(ξ) on log-losses; after each step, the tasks that improved most on the batch lose weight. One extra forward pass, no per-task gradients.',
  },
  stch: {
    label: 'STCH (smooth Tchebycheff)',
    family: 'loss',
    summary:
      'L = μ·log Σ exp((log Lᵢ − log Nᵢ)/μ): a smooth maximum of each task’s log-loss relative to its warm-up mean Nᵢ, so the task furthest behind leads.',
  },
  graddrop: {
    label: 'GradDrop (Chen et al.)',
    family: 'gradient',
    summary:
      'At each coordinate of the shared gradient, keeps only the tasks whose sign is drawn from that coordinate’s sign purity: conflicting signs no longer cancel.',
    representation: true,
  },
  dbmtl: {
    label: 'DB-MTL (dual balancing)',
    family: 'gradient',
    summary:
      'Descends Σ log Lᵢ, and scales each task’s running-average gradient up to the largest one’s norm.',
  },
  moco: {
    label: 'MoCo (Fernando et al.)',
    family: 'gradient',
    summary:
      'MGDA on tracked (running-average) task gradients, its weights moved one projected step at a time: less biased by noisy batches.',
  },
  excess: {
    label: 'ExcessMTL (He et al.)',
    family: 'gradient',
    summary:
      'Weighs up the tasks whose estimated excess risk (distance from their own best, from gradients and their accumulated squares) stays high relative to their start.',
  },
  modo: {
    label: 'MoDo (Chen et al.)',
    family: 'gradient',
    summary:
      'MGDA’s weights moved one projected step at a time along gradient products from two independent batches: an unbiased estimate. Costs two extra batches of per-task gradients.',
  },
  sdmgrad: {
    label: 'SDMGrad (Xiao et al.)',
    family: 'gradient',
    summary:
      'Like MoDo, with the direction kept near the average gradient (ω sets how near). Costs two extra batches of per-task gradients.',
  },
  gradvac: {
    label: 'GradVac (Wang et al.)',
    family: 'gradient',
    summary:
      'Like PCGrad, but lifts each pair’s gradient similarity to a running average of it instead of to 0 (β sets how fast it follows).',
  },
  fairgrad: {
    label: 'FairGrad (Ban & Ji)',
    family: 'gradient',
    summary:
      'The α-fair allocation d = Σwᵢgᵢ with gains gᵢ·d = wᵢ^(−1/α): α = 1 is Nash-MTL, larger α favours the task that gains least.',
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
