import type { LayerSpec } from './types';

/**
 * Layer names shared by shape inference, the model builder and exports, so that a block in the
 * diagram, a layer of the built model and a weight in `model.json` can be matched by name.
 */
export function encoderLayerName(index: number, layer: LayerSpec): string {
  return `shared_${index + 1}_${layer.type}`;
}

/** Layer `index` of MMoE expert `expert` (0-based). */
export function expertLayerName(expert: number, index: number, layer: LayerSpec): string {
  return `shared_expert${expert + 1}_${index + 1}_${layer.type}`;
}

/** Layer `index` of expert `expert` (0-based) that task `task` owns (CGC, PLE). */
export function taskExpertLayerName(
  task: string,
  expert: number,
  index: number,
  layer: LayerSpec,
): string {
  return `${task}_expert${expert + 1}_${index + 1}_${layer.type}`;
}

/** The gate of a task (`level`: PLE's level suffix, e.g. `_l2`). */
export function gateLayerName(task: string, level = ''): string {
  return `${task}_gate${level}`;
}

/** Name of hidden layer `index` of a task's head. */
export function headLayerName(task: string, index: number, layer: LayerSpec): string {
  return `${task}_${index + 1}_${layer.type}`;
}

/** The output layer of a task carries the task's own name: `model.outputNames` are the tasks. */
export function outputLayerName(task: string): string {
  return task;
}

/** Task names become layer and weight names, so they are restricted to a safe alphabet. */
export const TASK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
