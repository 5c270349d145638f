import type { TargetInfo } from '../data/dataset';
import { TASK_NAME_PATTERN } from './naming';
import {
  ACTIVATIONS,
  LOSSES,
  type DataSpec,
  type LayerSpec,
  type ModelSpec,
  type Problem,
  type TrainConfig,
} from './types';

/** Limits that keep a design trainable in a browser tab. */
export const LIMITS = {
  maxUnits: 4096,
  maxLayers: 32,
  maxTasks: 16,
  maxBatchSize: 8192,
  maxSteps: 1_000_000,
  maxLambda: 100,
  maxLearningRate: 10,
} as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function layerProblems(where: string, label: string, layer: LayerSpec): Problem[] {
  switch (layer.type) {
    case 'dense':
      if (!isInt(layer.units) || layer.units < 1 || layer.units > LIMITS.maxUnits) {
        return [
          {
            where,
            message: `${label}: Dense needs 1 to ${LIMITS.maxUnits} units, got ${String(layer.units)}`,
          },
        ];
      }
      if (!ACTIVATIONS.includes(layer.activation)) {
        return [{ where, message: `${label}: unknown activation '${String(layer.activation)}'` }];
      }
      return [];
    case 'dropout':
      if (!isFiniteNumber(layer.rate) || layer.rate < 0 || layer.rate >= 1) {
        return [
          { where, message: `${label}: Dropout rate must be in [0, 1), got ${String(layer.rate)}` },
        ];
      }
      return [];
    default:
      return [
        {
          where,
          message: `${label}: unknown layer type '${String((layer as { type: unknown }).type)}'`,
        },
      ];
  }
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
        return `${taskLabel}: softmax cross-entropy needs a class target; this target is a regression value (use MSE or MAE)`;
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
      if (target.kind !== 'regression')
        return `${taskLabel}: ${loss.toUpperCase()} needs a regression target; this target has classes (use a cross-entropy loss)`;
      if (units !== target.dims)
        return `${taskLabel}: the target has ${target.dims} value(s), so the head needs ${target.dims} output unit(s), not ${units}`;
      return null;
    default:
      return `${taskLabel}: unknown loss '${loss}' (choose one of ${LOSSES.join(', ')})`;
  }
}

/**
 * Every problem of a design against the data it will train on, each with a message a person can act on.
 * An empty list means the design builds and trains.
 */
export function validateSpec(
  spec: ModelSpec,
  data: { inputDim: number; targets: Record<string, TargetInfo> },
): Problem[] {
  const problems: Problem[] = [];
  if (spec.inputDim !== data.inputDim) {
    problems.push({
      where: 'input',
      message: `Input has ${spec.inputDim} features but the dataset has ${data.inputDim}`,
    });
  }
  if (spec.encoder.length > LIMITS.maxLayers) {
    problems.push({
      where: 'encoder',
      message: `The shared encoder has ${spec.encoder.length} layers; at most ${LIMITS.maxLayers}`,
    });
  }
  spec.encoder.forEach((layer, i) => {
    problems.push(...layerProblems(`encoder[${i}]`, `Shared layer ${i + 1}`, layer));
  });
  if (spec.tasks.length === 0) problems.push({ where: 'tasks', message: 'Add at least one task' });
  if (spec.tasks.length > LIMITS.maxTasks)
    problems.push({ where: 'tasks', message: `At most ${LIMITS.maxTasks} tasks` });
  const seen = new Set<string>();
  for (const task of spec.tasks) {
    const where = `task:${task.name}`;
    const label = `Task '${task.name}'`;
    if (!TASK_NAME_PATTERN.test(task.name)) {
      problems.push({
        where,
        message: `${label}: a name starts with a letter and has only letters, digits, _ and - (at most 32)`,
      });
    } else if (task.name.startsWith('shared_')) {
      problems.push({
        where,
        message: `${label}: names starting with 'shared_' are kept for the encoder`,
      });
    }
    if (seen.has(task.name))
      problems.push({ where, message: `${label}: two tasks share this name` });
    seen.add(task.name);
    task.head.forEach((layer, i) =>
      problems.push(
        ...layerProblems(`${where}.head[${i}]`, `${label}, head layer ${i + 1}`, layer),
      ),
    );
    if (!isInt(task.outputUnits) || task.outputUnits < 1) {
      problems.push({
        where,
        message: `${label}: ${String(task.outputUnits)} output units; a head needs at least 1`,
      });
      continue;
    }
    const target = data.targets[task.target];
    if (!target) {
      problems.push({
        where,
        message: `${label}: the dataset has no target '${task.target}' (it has ${Object.keys(data.targets).join(', ')})`,
      });
      continue;
    }
    const lossMessage = lossProblem(label, task.loss, task.outputUnits, target);
    if (lossMessage) problems.push({ where, message: lossMessage });
  }
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
  if (!isInt(config.batchSize) || config.batchSize < 1 || config.batchSize > LIMITS.maxBatchSize) {
    problems.push({
      where: 'config.batchSize',
      message: `Batch size must be a whole number from 1 to ${LIMITS.maxBatchSize}, got ${String(config.batchSize)}`,
    });
  }
  if (!isInt(config.maxSteps) || config.maxSteps < 1 || config.maxSteps > LIMITS.maxSteps) {
    problems.push({
      where: 'config.maxSteps',
      message: `Steps must be a whole number from 1 to ${LIMITS.maxSteps}`,
    });
  }
  if (!isInt(config.evalEvery) || config.evalEvery < 1) {
    problems.push({
      where: 'config.evalEvery',
      message: 'Validation interval must be a whole number of steps, at least 1',
    });
  }
  if (!isInt(config.seed))
    problems.push({ where: 'config.seed', message: 'Seed must be a whole number' });
  if (config.optimizer !== 'adam' && config.optimizer !== 'sgd') {
    problems.push({
      where: 'config.optimizer',
      message: `Unknown optimizer '${String(config.optimizer)}'`,
    });
  }
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
  if (!isInt(data.size) || data.size < 10 || data.size > 100_000) {
    problems.push({
      where: 'data.size',
      message: `Dataset size must be a whole number from 10 to 100000, got ${String(data.size)}`,
    });
  }
  if (!isFiniteNumber(data.noise) || data.noise < 0 || data.noise > 1) {
    problems.push({
      where: 'data.noise',
      message: `Noise must be from 0 to 1, got ${String(data.noise)}`,
    });
  }
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
