import type { TargetInfo } from '../../src/data/dataset';
import type { DatasetSchema } from '../../src/data/loadDataset';
import { GRADNORM_OUTPUTS, gradnormTarget } from '../../src/data/gradnormToy';
import { newLayer } from '../../src/layers/registry';
import type { Design } from '../../src/spec/serialize';
import type {
  LayerSpec,
  LossKind,
  MetricKind,
  ModelSpec,
  SharingSpec,
  TaskSpec,
} from '../../src/spec/types';

export type { Design };

/** Where a layer lives: the shared encoder (task null) or the head of task `task`, at `index`. */
export interface LayerPath {
  task: number | null;
  index: number;
}

/** Losses that make sense for a target, in the order the menu offers them. */
export function lossesFor(target: TargetInfo | undefined): LossKind[] {
  if (!target) return [];
  if (target.kind === 'regression') return ['mse', 'mae', 'huber'];
  return target.classes === 2
    ? ['softmaxCrossEntropy', 'sigmoidBinaryCrossEntropy']
    : ['softmaxCrossEntropy'];
}

/** Metrics that make sense for a target. */
export function metricsFor(target: TargetInfo | undefined): MetricKind[] {
  if (!target) return [];
  return target.kind === 'regression' ? ['mae', 'rmse', 'r2'] : ['accuracy'];
}

/** The output width a loss needs for a target. */
export function outputUnitsFor(target: TargetInfo, loss: LossKind): number {
  if (target.kind === 'regression') return target.dims;
  return loss === 'sigmoidBinaryCrossEntropy' ? 1 : target.classes;
}

const replaceAt = <T>(items: T[], index: number, item: T): T[] =>
  items.map((x, i) => (i === index ? item : x));
const withSpec = (design: Design, spec: ModelSpec): Design => ({ ...design, spec });

/** The layer list a path points into. */
export function layersAt(spec: ModelSpec, task: number | null): LayerSpec[] {
  return task === null ? spec.encoder : (spec.tasks[task]?.head ?? []);
}

function withLayers(spec: ModelSpec, task: number | null, layers: LayerSpec[]): ModelSpec {
  if (task === null) return { ...spec, encoder: layers };
  const t = spec.tasks[task];
  return t ? { ...spec, tasks: replaceAt(spec.tasks, task, { ...t, head: layers }) } : spec;
}

/** Appends a Dense layer to the encoder or a head. */
export function addLayer(spec: ModelSpec, task: number | null): ModelSpec {
  return withLayers(spec, task, [...layersAt(spec, task), newLayer('dense')]);
}

/** Replaces the layer at a path. */
export function updateLayer(spec: ModelSpec, path: LayerPath, layer: LayerSpec): ModelSpec {
  return withLayers(spec, path.task, replaceAt(layersAt(spec, path.task), path.index, layer));
}

/** Removes the layer at a path. */
export function removeLayer(spec: ModelSpec, path: LayerPath): ModelSpec {
  return withLayers(
    spec,
    path.task,
    layersAt(spec, path.task).filter((_, i) => i !== path.index),
  );
}

/** Moves the layer at a path up (-1) or down (+1) within its list; out of range does nothing. */
export function moveLayer(spec: ModelSpec, path: LayerPath, delta: -1 | 1): ModelSpec {
  const layers = [...layersAt(spec, path.task)];
  const to = path.index + delta;
  if (to < 0 || to >= layers.length) return spec;
  [layers[path.index], layers[to]] = [layers[to]!, layers[path.index]!];
  return withLayers(spec, path.task, layers);
}

/** Switches hard sharing ↔ MMoE, keeping the encoder as (one expert's) architecture. */
export function setSharing(spec: ModelSpec, sharing: SharingSpec): ModelSpec {
  return { ...spec, sharing };
}

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
  const task: TaskSpec = {
    name,
    target,
    head: [],
    outputUnits: outputUnitsFor(info, loss),
    loss,
    metric: metricsFor(info)[0]!,
  };
  return {
    ...design,
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
    ...design,
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
    ...design,
    spec: { ...design.spec, tasks: replaceAt(design.spec.tasks, index, { ...task, name }) },
    config: { ...design.config, lambdas: { ...rest, [name]: lambda } },
  };
}

/** Points a task at another target, choosing a loss, metric and output width that fit it. */
export function setTaskTarget(
  design: Design,
  index: number,
  target: string,
  schema: DatasetSchema,
): Design {
  const task = design.spec.tasks[index];
  const info = schema.targets[target];
  if (!task || !info) return design;
  const loss = lossesFor(info).includes(task.loss) ? task.loss : lossesFor(info)[0]!;
  const metric = metricsFor(info).includes(task.metric) ? task.metric : metricsFor(info)[0]!;
  const next = { ...task, target, loss, metric, outputUnits: outputUnitsFor(info, loss) };
  return withSpec(design, { ...design.spec, tasks: replaceAt(design.spec.tasks, index, next) });
}

/** Changes a task's loss, and its output width to what that loss needs. */
export function setTaskLoss(
  design: Design,
  index: number,
  loss: LossKind,
  schema: DatasetSchema,
): Design {
  const task = design.spec.tasks[index];
  if (!task) return design;
  const info = schema.targets[task.target];
  const outputUnits = info ? outputUnitsFor(info, loss) : task.outputUnits;
  return withSpec(design, {
    ...design.spec,
    tasks: replaceAt(design.spec.tasks, index, { ...task, loss, outputUnits }),
  });
}

/** Changes a task's validation metric. */
export function setTaskMetric(design: Design, index: number, metric: MetricKind): Design {
  const task = design.spec.tasks[index];
  if (!task) return design;
  return withSpec(design, {
    ...design.spec,
    tasks: replaceAt(design.spec.tasks, index, { ...task, metric }),
  });
}

/**
 * Sets the GradNorm toy's task scales σᵢ: one task per σ, on target tᵢ. Tasks that exist keep
 * their head and λ; new ones copy the first task's head.
 */
export function setGradnormScales(design: Design, scales: number[]): Design {
  const template = design.spec.tasks[0];
  const tasks = scales.map((_, i): TaskSpec => {
    const target = gradnormTarget(i);
    return (
      design.spec.tasks.find((t) => t.target === target) ?? {
        name: target,
        target,
        head: template?.head ?? [],
        outputUnits: GRADNORM_OUTPUTS,
        loss: 'mse',
        metric: 'mae',
      }
    );
  });
  const lambdas = Object.fromEntries(
    tasks.map((t) => [t.name, design.config.lambdas[t.name] ?? 1]),
  );
  return {
    data: { ...design.data, scales },
    spec: { ...design.spec, tasks },
    config: { ...design.config, lambdas },
  };
}
