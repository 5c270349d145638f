import { MAX_LR_SCALE, blockTraining, everyBlockFrozen, trainingBlocks } from '../spec/blocks';
import { sharingMode } from '../spec/sharing';
import type { TargetInfo } from '../data/dataset';
import { layerProblems as parameterProblems } from '../layers/checkFields';
import { LAYER_LIMITS } from '../layers/limits';
import { formatShape } from '../layers/shape';
import { maxDatasetSize } from '../data/loadDataset';
import { GRADNORM_MAX_TASKS } from '../data/gradnormToy';
import { MAX_CLASSES, MAX_ONE_HOT } from '../data/csv/csvSummary';
import { TASK_NAME_PATTERN } from '../spec/naming';
import { paramProblem, STRATEGIES, STRATEGY_PARAM_KEYS } from '../spec/weighting';
import { inferShapes, inputShape } from '../spec/shapes';
import {
  DATASETS,
  LOSSES,
  METRICS,
  OPTIMIZERS,
  type CsvDataSettings,
  type DataSpec,
  type InputSpec,
  type LayerSpec,
  type ModelSpec,
  type Problem,
  type TrainConfig,
} from '../spec/types';

/** Limits that keep a design trainable in a browser tab. */
export const LIMITS = {
  ...LAYER_LIMITS,
  maxLayers: 32,
  maxTasks: 16,
  maxBatchSize: 8192,
  maxSteps: 1_000_000,
  maxLambda: 100,
  maxLearningRate: 10,
} as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const intIn = (v: unknown, lo: number, hi: number): boolean => isInt(v) && v >= lo && v <= hi;

/** Problems with one layer's own parameters (shapes are checked by inferShapes). */
function layerProblems(where: string, label: string, layer: LayerSpec): Problem[] {
  return parameterProblems(layer).map((p) => ({ where, message: `${label}: ${p}` }));
}

function lossProblem(
  taskLabel: string,
  loss: string,
  units: number,
  target: TargetInfo,
): string | null {
  switch (loss) {
    case 'softmaxCrossEntropy':
      if (target.kind !== 'classification')
        return `${taskLabel}: softmax cross-entropy needs a class target; this target is a regression value (use MSE, MAE or Huber)`;
      if (units !== target.classes)
        return `${taskLabel}: softmax over ${target.classes} classes needs ${target.classes} output units, not ${units}`;
      return null;
    case 'sigmoidBinaryCrossEntropy':
      if (target.kind !== 'classification' || target.classes !== 2)
        return `${taskLabel}: binary cross-entropy needs a two-class target`;
      if (units !== 1)
        return `${taskLabel}: binary cross-entropy needs 1 output unit, not ${units}`;
      return null;
    case 'mse':
    case 'mae':
    case 'huber':
      if (target.kind !== 'regression')
        return `${taskLabel}: ${loss === 'huber' ? 'Huber' : loss.toUpperCase()} needs a regression target; this target has classes (use a cross-entropy loss)`;
      if (units !== target.dims)
        return `${taskLabel}: the target has ${target.dims} value(s), so the head needs ${target.dims} output unit(s), not ${units}`;
      return null;
    default:
      return `${taskLabel}: unknown loss '${loss}' (choose one of ${LOSSES.join(', ')})`;
  }
}

function metricProblem(taskLabel: string, metric: string, target: TargetInfo): string | null {
  if (!METRICS.includes(metric as never)) return `${taskLabel}: unknown metric '${metric}'`;
  if (metric === 'accuracy' && target.kind !== 'classification')
    return `${taskLabel}: accuracy needs a class target (use MAE, RMSE or R²)`;
  if (metric !== 'accuracy' && target.kind === 'classification')
    return `${taskLabel}: ${metric.toUpperCase()} measures regression; use accuracy for a class target`;
  return null;
}

const sameInput = (a: InputSpec, b: InputSpec): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Every problem of a design against the data it will train on, each with a message a person can act on.
 * An empty list means the design builds and trains.
 */
export function validateSpec(
  spec: ModelSpec,
  data: { input: InputSpec; targets: Record<string, TargetInfo> },
): Problem[] {
  const problems: Problem[] = [];
  if (!sameInput(spec.input, data.input)) {
    problems.push({
      where: 'input',
      message: `The model reads ${spec.input.kind} ${formatShape(inputShape(spec.input))} but the dataset gives ${data.input.kind} ${formatShape(inputShape(data.input))}`,
    });
  }
  const mode = sharingMode(spec.sharing);
  problems.push(
    ...mode.settingProblems(
      spec.sharing,
      spec.tasks.map((t) => t.name),
    ),
  );
  if (spec.encoder.length > LIMITS.maxLayers) {
    problems.push({
      where: 'encoder',
      message: `The shared encoder has ${spec.encoder.length} layers; at most ${LIMITS.maxLayers}`,
    });
  }
  spec.encoder.forEach((layer, i) =>
    problems.push(...layerProblems(`encoder[${i}]`, `${mode.layerLabel} ${i + 1}`, layer)),
  );
  if (spec.tasks.length === 0) problems.push({ where: 'tasks', message: 'Add at least one task' });
  if (spec.tasks.length > LIMITS.maxTasks)
    problems.push({ where: 'tasks', message: `At most ${LIMITS.maxTasks} tasks` });
  const seen = new Set<string>();
  for (const task of spec.tasks) {
    const where = `task:${task.name}`;
    const taskLabel = `Task '${task.name}'`;
    if (!TASK_NAME_PATTERN.test(task.name)) {
      problems.push({
        where,
        message: `${taskLabel}: a name starts with a letter and has only letters, digits, _ and - (at most 32)`,
      });
    } else if (task.name.startsWith('shared_')) {
      problems.push({
        where,
        message: `${taskLabel}: names starting with 'shared_' are kept for the encoder`,
      });
    }
    if (seen.has(task.name))
      problems.push({ where, message: `${taskLabel}: two tasks share this name` });
    seen.add(task.name);
    task.head.forEach((layer, i) =>
      problems.push(
        ...layerProblems(`${where}.head[${i}]`, `${taskLabel}, head layer ${i + 1}`, layer),
      ),
    );
    if (!isInt(task.outputUnits) || task.outputUnits < 1) {
      problems.push({
        where,
        message: `${taskLabel}: ${String(task.outputUnits)} output units; a head needs at least 1`,
      });
      continue;
    }
    const target = data.targets[task.target];
    if (!target) {
      problems.push({
        where,
        message: `${taskLabel}: the dataset has no target '${task.target}' (it has ${Object.keys(data.targets).join(', ')})`,
      });
      continue;
    }
    for (const message of [
      lossProblem(taskLabel, task.loss, task.outputUnits, target),
      metricProblem(taskLabel, task.metric, target),
    ]) {
      if (message) problems.push({ where, message });
    }
  }
  // Shape problems only make sense once every layer's own parameters are valid.
  if (problems.length === 0) problems.push(...inferShapes(spec).problems);
  return problems;
}

/** Every problem of the training settings; λ must exist for every task. */
export function validateConfig(config: TrainConfig, spec: ModelSpec): Problem[] {
  const problems: Problem[] = [];
  const lr = config.learningRate;
  if (!isFiniteNumber(lr) || lr <= 0 || lr > LIMITS.maxLearningRate) {
    problems.push({
      where: 'config.learningRate',
      message: `Learning rate must be above 0 and at most ${LIMITS.maxLearningRate}, got ${String(lr)}`,
    });
  }
  if (!intIn(config.batchSize, 1, LIMITS.maxBatchSize)) {
    problems.push({
      where: 'config.batchSize',
      message: `Batch size must be a whole number from 1 to ${LIMITS.maxBatchSize}, got ${String(config.batchSize)}`,
    });
  }
  if (config.maxSteps !== null && !intIn(config.maxSteps, 1, LIMITS.maxSteps)) {
    problems.push({
      where: 'config.maxSteps',
      message: `Steps must be a whole number from 1 to ${LIMITS.maxSteps}, or train until paused`,
    });
  }
  if (!intIn(config.evalEvery, 1, LIMITS.maxSteps)) {
    problems.push({
      where: 'config.evalEvery',
      message: 'Validation interval must be a whole number of steps, at least 1',
    });
  }
  if (!isFiniteNumber(config.weightDecay) || config.weightDecay < 0 || config.weightDecay >= 1) {
    problems.push({
      where: 'config.weightDecay',
      message: `Weight decay must be from 0 to below 1, got ${String(config.weightDecay)}`,
    });
  }
  if (!isInt(config.seed))
    problems.push({ where: 'config.seed', message: 'Seed must be a whole number' });
  if (!OPTIMIZERS.includes(config.optimizer)) {
    problems.push({
      where: 'config.optimizer',
      message: `Unknown optimizer '${String(config.optimizer)}'`,
    });
  }
  const w = config.weighting;
  if (!STRATEGIES.includes(w.strategy))
    problems.push({
      where: 'config.weighting',
      message: `Unknown weighting strategy '${String(w.strategy)}'`,
    });
  for (const key of STRATEGY_PARAM_KEYS) {
    const message = paramProblem(key, w[key]);
    if (message) problems.push({ where: 'config.weighting', message });
  }
  if (config.sequence) problems.push(...sequenceProblems(config, spec));
  for (const task of spec.tasks) {
    const lambda = config.lambdas[task.name];
    if (!isFiniteNumber(lambda) || lambda < 0 || lambda > LIMITS.maxLambda) {
      problems.push({
        where: `task:${task.name}`,
        message: `Task '${task.name}': λ must be from 0 to ${LIMITS.maxLambda}, got ${String(lambda)}`,
      });
    }
  }
  return problems;
}

/** Every problem of the data settings: both splits must hold at least one example. */
export function validateData(data: DataSpec): Problem[] {
  const problems: Problem[] = [];
  if (!DATASETS.includes(data.kind))
    return [{ where: 'data.kind', message: `Unknown dataset '${String(data.kind)}'` }];
  if (data.kind === 'gradnorm') problems.push(...scaleProblems(data.scales));
  const rho = data.correlation;
  if (
    data.kind === 'correlated' &&
    rho !== undefined &&
    !(isFiniteNumber(rho) && Math.abs(rho) <= 1)
  )
    problems.push({
      where: 'data.correlation',
      message: `The task correlation ρ must be from −1 to 1, got ${String(rho)}`,
    });
  if (data.kind === 'csv') return [...problems, ...csvProblems(data.csv), ...splitProblems(data)];
  const max = maxDatasetSize(data);
  if (!intIn(data.size, 10, max)) {
    problems.push({
      where: 'data.size',
      message: `Dataset size must be a whole number from 10 to ${max}, got ${String(data.size)}`,
    });
  }
  if (!isFiniteNumber(data.noise) || data.noise < 0 || data.noise > 1) {
    problems.push({
      where: 'data.noise',
      message: `Noise must be from 0 to 1, got ${String(data.noise)}`,
    });
  }
  return [...problems, ...splitProblems(data)];
}

function splitProblems(data: DataSpec): Problem[] {
  const problems: Problem[] = [];
  if (!isFiniteNumber(data.valFraction) || data.valFraction < 0.05 || data.valFraction > 0.9) {
    problems.push({
      where: 'data.valFraction',
      message: `The validation share must be from 5% to 90%, got ${String(data.valFraction)}`,
    });
  }
  if (!isInt(data.seed))
    problems.push({ where: 'data.seed', message: 'Data seed must be a whole number' });
  return problems;
}

function scaleProblems(scales: number[] | undefined): Problem[] {
  const where = 'data.scales';
  if (!scales || scales.length < 2 || scales.length > GRADNORM_MAX_TASKS)
    return [{ where, message: `The GradNorm toy needs 2 to ${GRADNORM_MAX_TASKS} task scales σ` }];
  const bad = scales.findIndex((s) => !isFiniteNumber(s) || s <= 0 || s > 1000);
  if (bad >= 0)
    return [
      {
        where,
        message: `σ of task t${bad + 1} must be above 0 and at most 1000, got ${String(scales[bad])}`,
      },
    ];
  return [];
}

/** Problems of a CSV design's column choices (the file itself is checked when it is read). */
function csvProblems(csv: CsvDataSettings | undefined): Problem[] {
  const where = 'data.csv';
  if (!csv) return [{ where, message: 'Upload a CSV file first (Upload CSV)' }];
  const problems: string[] = [];
  if (csv.inputs.length === 0) problems.push('Choose at least one input column of the CSV');
  if (csv.targets.length === 0)
    problems.push('Choose at least one target column of the CSV: each becomes a task');
  const inputs = new Set(csv.inputs.map((i) => i.column));
  for (const t of csv.targets) {
    if (inputs.has(t.column))
      problems.push(`Column '${t.column}' cannot be both an input and a target`);
    if (t.kind === 'classification' && (t.classes.length < 2 || t.classes.length > MAX_CLASSES))
      problems.push(
        `Target '${t.column}' needs 2 to ${MAX_CLASSES} classes, has ${t.classes.length}`,
      );
  }
  for (const i of csv.inputs) {
    if (i.encoding === 'onehot' && (i.categories.length < 1 || i.categories.length > MAX_ONE_HOT))
      problems.push(
        `Input '${i.column}' has ${i.categories.length} categories; one-hot takes 1 to ${MAX_ONE_HOT}`,
      );
  }
  return problems.map((message) => ({ where, message }));
}

/** Learning-rate multipliers in range, and something left to train (for a valid model only). */
export function blockProblems(config: TrainConfig, spec: ModelSpec): Problem[] {
  const problems: Problem[] = [];
  for (const block of trainingBlocks(spec)) {
    const { lrScale } = blockTraining(config.blocks, block.id);
    if (!isFiniteNumber(lrScale) || lrScale <= 0 || lrScale > MAX_LR_SCALE)
      problems.push({
        where: 'config.blocks',
        message: `${block.label}: the learning-rate multiplier must be above 0 and at most ${MAX_LR_SCALE}, got ${String(lrScale)}`,
      });
  }
  if (everyBlockFrozen(spec, config.blocks))
    problems.push({
      where: 'config.blocks',
      message: 'Every block is frozen: nothing would train. Unfreeze at least one block.',
    });
  return problems;
}

/** Largest replay buffer per task. */
export const MAX_REPLAY = 100_000;

/** A task sequence names each task at most once, and its stages fill the step budget. */
function sequenceProblems(config: TrainConfig, spec: ModelSpec): Problem[] {
  const sequence = config.sequence!;
  const where = 'config.sequence';
  const problems: Problem[] = [];
  const names = new Set(spec.tasks.map((t) => t.name));
  const unknown = sequence.order.filter((n) => !names.has(n));
  if (sequence.order.length === 0)
    problems.push({ where, message: 'A task sequence needs at least one task to train' });
  if (unknown.length)
    problems.push({
      where,
      message: `The sequence names ${unknown.map((n) => `'${n}'`).join(', ')}, which the design has no task of`,
    });
  if (new Set(sequence.order).size !== sequence.order.length)
    problems.push({ where, message: 'The sequence names a task twice' });
  if (!intIn(sequence.stageSteps, 1, LIMITS.maxSteps))
    problems.push({
      where,
      message: `Steps per stage must be a whole number from 1 to ${LIMITS.maxSteps}, got ${String(sequence.stageSteps)}`,
    });
  else if (config.maxSteps !== sequence.order.length * sequence.stageSteps)
    problems.push({
      where,
      message: `A sequence of ${sequence.order.length} stages × ${sequence.stageSteps} steps trains ${sequence.order.length * sequence.stageSteps} steps, but Steps is ${String(config.maxSteps)}`,
    });
  if (sequence.remedy === 'replay' && !intIn(sequence.replayPerTask, 1, MAX_REPLAY))
    problems.push({
      where,
      message: `Replay keeps a whole number of examples per task, from 1 to ${MAX_REPLAY}, got ${String(sequence.replayPerTask)}`,
    });
  if (
    sequence.remedy === 'ewc' &&
    (!isFiniteNumber(sequence.ewcStrength) ||
      sequence.ewcStrength < 0 ||
      sequence.ewcStrength > 1e9)
  )
    problems.push({
      where,
      message: `EWC's strength λ must be from 0 to 10⁹, got ${String(sequence.ewcStrength)}`,
    });
  return problems;
}
