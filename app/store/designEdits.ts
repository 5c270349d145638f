import type { TargetInfo } from '../../src/data/dataset';
import type { DatasetSchema } from '../../src/data/loadDataset';
import type {
  LayerSpec,
  LayerType,
  LossKind,
  ModelSpec,
  TaskSpec,
  TrainConfig,
} from '../../src/spec/types';

/** Pure edits of a design: each returns a new spec (and config, where λ is keyed by task name). */
export interface Design {
  spec: ModelSpec;
  config: TrainConfig;
}

/** Losses that make sense for a target, in the order the menu offers them. */
export function lossesFor(target: TargetInfo | undefined): LossKind[] {
  if (!target) return [];
  if (target.kind === 'regression') return ['mse', 'mae'];
  return target.classes === 2
    ? ['softmaxCrossEntropy', 'sigmoidBinaryCrossEntropy']
    : ['softmaxCrossEntropy'];
}

/** The output width a loss needs for a target. */
export function outputUnitsFor(target: TargetInfo, loss: LossKind): number {
  if (target.kind === 'regression') return target.dims;
  return loss === 'sigmoidBinaryCrossEntropy' ? 1 : target.classes;
}

/** A fresh layer of a type, with sensible defaults. */
export function newLayer(type: LayerType): LayerSpec {
  return type === 'dense'
    ? { type: 'dense', units: 16, activation: 'relu' }
    : { type: 'dropout', rate: 0.2 };
}

const replaceAt = <T>(items: T[], index: number, item: T): T[] =>
  items.map((x, i) => (i === index ? item : x));

/** Appends a task on the first target no task uses yet (or the first target), named after it. */
export function addTask(design: Design, schema: DatasetSchema): Design {
  const targets = Object.keys(schema.targets);
  const used = new Set(design.spec.tasks.map((t) => t.target));
  const target = targets.find((t) => !used.has(t)) ?? targets[0];
  if (!target) return design;
  const names = new Set(design.spec.tasks.map((t) => t.name));
  let name = target;
  for (let k = 2; names.has(name); k++) name = `${target}_${k}`;
  const info = schema.targets[target]!;
  const loss = lossesFor(info)[0]!;
  const task: TaskSpec = { name, target, head: [], outputUnits: outputUnitsFor(info, loss), loss };
  return {
    spec: { ...design.spec, tasks: [...design.spec.tasks, task] },
    config: { ...design.config, lambdas: { ...design.config.lambdas, [name]: 1 } },
  };
}

/** Removes a task and its λ. */
export function removeTask(design: Design, index: number): Design {
  const task = design.spec.tasks[index];
  if (!task) return design;
  const { [task.name]: _removed, ...lambdas } = design.config.lambdas;
  return {
    spec: { ...design.spec, tasks: design.spec.tasks.filter((_, i) => i !== index) },
    config: { ...design.config, lambdas },
  };
}

/** Renames a task; its λ moves with it. */
export function renameTask(design: Design, index: number, name: string): Design {
  const task = design.spec.tasks[index];
  if (!task || task.name === name) return design;
  const { [task.name]: lambda = 1, ...rest } = design.config.lambdas;
  return {
    spec: { ...design.spec, tasks: replaceAt(design.spec.tasks, index, { ...task, name }) },
    config: { ...design.config, lambdas: { ...rest, [name]: lambda } },
  };
}

/** Points a task at another target, choosing a loss and output width that fit it. */
export function setTaskTarget(
  spec: ModelSpec,
  index: number,
  target: string,
  schema: DatasetSchema,
): ModelSpec {
  const task = spec.tasks[index];
  const info = schema.targets[target];
  if (!task || !info) return spec;
  const losses = lossesFor(info);
  const loss = losses.includes(task.loss) ? task.loss : losses[0]!;
  return {
    ...spec,
    tasks: replaceAt(spec.tasks, index, {
      ...task,
      target,
      loss,
      outputUnits: outputUnitsFor(info, loss),
    }),
  };
}

/** Changes a task's loss, and its output width to what that loss needs. */
export function setTaskLoss(
  spec: ModelSpec,
  index: number,
  loss: LossKind,
  schema: DatasetSchema,
): ModelSpec {
  const task = spec.tasks[index];
  if (!task) return spec;
  const info = schema.targets[task.target];
  const outputUnits = info ? outputUnitsFor(info, loss) : task.outputUnits;
  return { ...spec, tasks: replaceAt(spec.tasks, index, { ...task, loss, outputUnits }) };
}

/** Appends a Dense layer to the shared encoder. */
export function addEncoderLayer(spec: ModelSpec): ModelSpec {
  return { ...spec, encoder: [...spec.encoder, newLayer('dense')] };
}

/** Replaces encoder layer `index` (type changes start from that type's defaults). */
export function updateEncoderLayer(spec: ModelSpec, index: number, layer: LayerSpec): ModelSpec {
  return { ...spec, encoder: replaceAt(spec.encoder, index, layer) };
}

/** Removes encoder layer `index`. */
export function removeEncoderLayer(spec: ModelSpec, index: number): ModelSpec {
  return { ...spec, encoder: spec.encoder.filter((_, i) => i !== index) };
}
