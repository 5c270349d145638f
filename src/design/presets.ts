import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import type { DataSpec, LayerSpec, ModelSpec, TrainConfig } from '../spec/types';
import {
  DEFAULT_GRADNORM_SCALES,
  GRADNORM_INPUT,
  GRADNORM_OUTPUTS,
  gradnormTarget,
} from '../data/gradnormToy';
import { CORRELATED_INPUT, DEFAULT_CORRELATION } from '../data/correlatedTasks';

/** A complete starting point: data, model and training settings that work together. */
export interface Preset {
  id: string;
  label: string;
  data: DataSpec;
  spec: ModelSpec;
  config: TrainConfig;
}

const lambdasOf = (spec: ModelSpec): Record<string, number> =>
  Object.fromEntries(spec.tasks.map((t) => [t.name, 1]));

function preset(
  id: string,
  label: string,
  data: DataSpec,
  spec: ModelSpec,
  config: Partial<TrainConfig> = {},
): Preset {
  return {
    id,
    label,
    data,
    spec,
    config: { ...DEFAULT_TRAIN, ...config, lambdas: lambdasOf(spec) },
  };
}

/** A thousand cleaner 2-D points: the ground the other 2-D and generated-data presets share. */
const POINTS: DataSpec = { kind: 'toy2d', size: 1000, noise: 0.1, valFraction: 0.2, seed: 1 };

const circleTask: ModelSpec['tasks'][number] = {
  name: 'circle',
  target: 'circle',
  head: [],
  outputUnits: 2,
  loss: 'softmaxCrossEntropy',
  metric: 'accuracy',
};

/**
 * Negative transfer: inside-the-circle (a radius) and a sine wave of x₁ want different features
 * from a 16-unit encoder, and the classification wins the tug of war — Δm ≈ −20 % against each
 * task trained alone (docs/BENCHMARKS.md). The lesson: tasks that share nothing compete.
 */
const circleWave: ModelSpec = {
  ...DEFAULT_MODEL,
  tasks: [
    circleTask,
    { name: 'wave', target: 'wave', head: [], outputUnits: 1, loss: 'mse', metric: 'mae' },
  ],
};

const shapesCnn: ModelSpec = {
  input: { kind: 'image', height: 12, width: 12, channels: 1 },
  sharing: { mode: 'hard' },
  encoder: [
    { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2 },
    { type: 'conv2d', filters: 16, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 32, activation: 'relu', l2: 0 },
  ],
  tasks: [
    {
      name: 'shape',
      target: 'shape',
      head: [],
      outputUnits: 3,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
    { name: 'size', target: 'size', head: [], outputUnits: 1, loss: 'mse', metric: 'mae' },
    { name: 'x', target: 'x', head: [], outputUnits: 1, loss: 'huber', metric: 'r2' },
  ],
};

const mmoe2d: ModelSpec = {
  ...DEFAULT_MODEL,
  sharing: { mode: 'mmoe', experts: 4 },
  encoder: [DEFAULT_MODEL.encoder[0]!, { type: 'dense', units: 8, activation: 'relu', l2: 0 }],
  tasks: [
    circleTask,
    {
      name: 'xor',
      target: 'xor',
      head: [],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
    {
      name: 'bowl',
      target: 'bowl',
      head: [{ type: 'dense', units: 8, activation: 'relu', l2: 0 }],
      outputUnits: 1,
      loss: 'mse',
      metric: 'r2',
    },
  ],
};

const attention: ModelSpec = {
  input: { kind: 'tokens', length: 12, vocabSize: 10 },
  sharing: { mode: 'hard' },
  encoder: [
    { type: 'embedding', outputDim: 16 },
    { type: 'selfAttention', heads: 2, keyDim: 8 },
    { type: 'globalAvgPool' },
  ],
  tasks: [
    { name: 'mean', target: 'mean', head: [], outputUnits: 1, loss: 'mse', metric: 'mae' },
    {
      name: 'repeat',
      target: 'repeat',
      head: [{ type: 'dense', units: 16, activation: 'relu', l2: 0 }],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
  ],
};

const lstm: ModelSpec = {
  ...attention,
  encoder: [
    { type: 'embedding', outputDim: 8 },
    { type: 'lstm', units: 16, returnSequences: false },
  ],
  tasks: [
    attention.tasks[0]!,
    {
      name: 'order',
      target: 'order',
      head: [],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
  ],
};

const conv = (filters: number): LayerSpec => ({
  type: 'conv2d',
  filters,
  kernelSize: 5,
  strides: 1,
  padding: 'valid',
  activation: 'relu',
});
const pool: LayerSpec = { type: 'maxPool2d', poolSize: 2, strides: 2 };
const hidden50: LayerSpec = { type: 'dense', units: 50, activation: 'relu', l2: 0 };
const digits = (name: string): ModelSpec['tasks'][number] => ({
  name,
  target: name,
  head: [hidden50],
  outputUnits: 10,
  loss: 'softmaxCrossEntropy',
  metric: 'accuracy',
});

/** MultiLeNet (Sener & Koltun): shared conv(10,5)–pool–conv(20,5)–pool–dense 50; heads 50→50→10. */
const multiLeNet: ModelSpec = {
  input: { kind: 'image', height: 28, width: 28, channels: 1 },
  sharing: { mode: 'hard' },
  encoder: [conv(10), pool, conv(20), pool, { type: 'flatten' }, hidden50],
  tasks: [digits('left'), digits('right')],
};

const mnistTasks: ModelSpec = {
  ...multiLeNet,
  tasks: [
    digits('digit'),
    {
      name: 'parity',
      target: 'parity',
      head: [],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
    {
      name: 'greater4',
      target: 'greater4',
      head: [],
      outputUnits: 2,
      loss: 'softmaxCrossEntropy',
      metric: 'accuracy',
    },
  ],
};

const trunk100: LayerSpec = { type: 'dense', units: 100, activation: 'relu', l2: 0 };
const linear100 = (name: string): ModelSpec['tasks'][number] => ({
  name,
  target: name,
  head: [],
  outputUnits: GRADNORM_OUTPUTS,
  loss: 'mse',
  metric: 'mae',
});

/** GradNorm's toy network: a 4×100 ReLU trunk and one linear head per task. */
const gradnormNet: ModelSpec = {
  input: GRADNORM_INPUT,
  sharing: { mode: 'hard' },
  encoder: [trunk100, trunk100, trunk100, trunk100],
  tasks: DEFAULT_GRADNORM_SCALES.map((_, i) => linear100(gradnormTarget(i))),
};

const tower8 = (name: string): ModelSpec['tasks'][number] => ({
  name,
  target: name,
  head: [{ type: 'dense', units: 8, activation: 'relu', l2: 0 }],
  outputUnits: 1,
  loss: 'mse',
  metric: 'mae',
});

/**
 * The MMoE paper's synthetic comparison (Ma et al., 2018): one 16-unit bottom under two 8-unit
 * towers; the Experiment panel's architecture picks set it against experts of that bottom.
 */
const correlatedNet: ModelSpec = {
  input: CORRELATED_INPUT,
  sharing: { mode: 'hard' },
  encoder: [{ type: 'dense', units: 16, activation: 'relu', l2: 0 }],
  tasks: [tower8('y1'), tower8('y2')],
};

/** CGC on the MMoE design: two shared experts and one of its own for each task. */
const cgc2d: ModelSpec = { ...mmoe2d, sharing: { mode: 'cgc', sharedExperts: 2, taskExperts: 1 } };

/** PLE: the same experts, extracted once per encoder block (two levels here). */
const ple2d: ModelSpec = { ...mmoe2d, sharing: { mode: 'ple', sharedExperts: 2, taskExperts: 1 } };

/** DSelect-k: four experts, each task picking two of them. */
const dselect2d: ModelSpec = {
  ...mmoe2d,
  sharing: { mode: 'dselectk', experts: 4, selectors: 2, gamma: 1 },
};

/**
 * Cross-stitch on the tasks that compete: each keeps its own column, and the stitch matrices show
 * how much the two still borrow from each other.
 */
const stitchedCircleWave: ModelSpec = { ...circleWave, sharing: { mode: 'crossStitch' } };

/** MTAN on the shapes CNN: each task's masks pick the convolution features it needs. */
const mtanCnn: ModelSpec = { ...shapesCnn, sharing: { mode: 'mtan' } };

/** The menu of starting points; the first is the app's default. */
export const PRESETS: Preset[] = [
  preset('sharing', 'Sharing helps: gauss + plane', DEFAULT_DATA, DEFAULT_MODEL),
  preset('toy2d', 'Sharing hurts: circle + wave', POINTS, circleWave),
  preset('mmoe', 'MMoE on 2-D points (3 tasks, 4 experts)', POINTS, mmoe2d),
  preset('cgc', 'CGC on 2-D points (2 shared + 1 own expert per task)', POINTS, cgc2d),
  preset('ple', 'PLE on 2-D points (2 levels)', POINTS, ple2d),
  preset('dselectk', 'DSelect-k on 2-D points (4 experts, k = 2)', POINTS, dselect2d),
  preset(
    'crossStitch',
    'Cross-stitch on circle + wave (a column each)',
    POINTS,
    stitchedCircleWave,
  ),
  preset(
    'cnn',
    'CNN on 12×12 shapes (3 tasks)',
    { ...POINTS, kind: 'shapes', size: 1200 },
    shapesCnn,
    { learningRate: 0.005 },
  ),
  preset(
    'attention',
    'Self-attention on token sequences (2 tasks)',
    { ...POINTS, kind: 'sequences' },
    attention,
    { learningRate: 0.005 },
  ),
  preset(
    'mtan',
    'MTAN on 12×12 shapes (attention per task)',
    { ...POINTS, kind: 'shapes', size: 1200 },
    mtanCnn,
    { learningRate: 0.005 },
  ),
  preset('lstm', 'LSTM on token sequences (2 tasks)', { ...POINTS, kind: 'sequences' }, lstm),
  preset(
    'multimnist',
    'MultiLeNet on MultiMNIST (2 tasks)',
    { ...POINTS, kind: 'multimnist', size: 6000, noise: 0 },
    multiLeNet,
    { learningRate: 0.001, batchSize: 64 },
  ),
  preset(
    'mnist',
    'MNIST: digit, parity, > 4 (3 tasks)',
    { ...POINTS, kind: 'mnist', size: 10_000, noise: 0 },
    mnistTasks,
    { learningRate: 0.001, batchSize: 64 },
  ),
  preset(
    'gradnorm',
    'GradNorm toy: 2 tasks, σ = 1 and 100',
    {
      ...POINTS,
      kind: 'gradnorm',
      size: 2000,
      noise: 0,
      scales: DEFAULT_GRADNORM_SCALES,
    },
    gradnormNet,
    // Targets of ±100 need large output weights: at 0.001 Adam takes thousands of steps to get there.
    { learningRate: 0.01, batchSize: 64 },
  ),
  preset(
    'correlated',
    'Task correlation (MMoE paper): two regressions on a 100-column table',
    { ...POINTS, kind: 'correlated', size: 6000, noise: 0.1, correlation: DEFAULT_CORRELATION },
    correlatedNet,
    { learningRate: 0.003, batchSize: 64 },
  ),
];
