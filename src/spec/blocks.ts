import { layerLabel } from '../layers/registry';
import { headLayerName, outputLayerName } from './naming';
import { inferShapes } from './shapes';
import { encoderCopyNames, modeContext, sharingMode } from './sharing';
import type { BlockTraining, ModelSpec } from './types';

/**
 * A part of the model that can be frozen or given its own learning-rate multiplier: an encoder
 * layer (in every copy: every expert, every column), one encoder copy where there are several
 * (an expert, a column), a part the sharing mode adds (a gate, a cross-stitch unit, an attention
 * module), or a task's head with its output layer.
 */
export interface TrainingBlock {
  /** Key into `TrainConfig.blocks`: `encoder.2`, `copy.1`, `mode.circle_gate`, `task.circle`. */
  id: string;
  label: string;
  kind: 'encoder' | 'copy' | 'mode' | 'task';
  /** The tf.js layers holding its weights, named as the builder names them. */
  layers: string[];
}

/** What a block without a setting does: trains at the run's learning rate. */
export const TRAINS_NORMALLY: BlockTraining = { trainable: true, lrScale: 1 };

/** Largest learning-rate multiplier the fields accept. */
export const MAX_LR_SCALE = 100;

export const encoderBlockId = (index: number): string => `encoder.${index}`;
export const taskBlockId = (task: string): string => `task.${task}`;
/** A part the sharing mode adds, by its first layer (labels repeat across tasks). */
export const modeBlockId = (firstLayer: string): string => `mode.${firstLayer}`;

/** Every block of the design, encoder first, then the mode's parts, then the tasks' heads. */
export function trainingBlocks(spec: ModelSpec): TrainingBlock[] {
  const copies = encoderCopyNames(spec);
  const mode = sharingMode(spec.sharing);
  const taskName = (owner: number | null) => (owner === null ? null : spec.tasks[owner]?.name);
  const encoder = spec.encoder.map((layer, i) => ({
    id: encoderBlockId(i),
    label: `${mode.layerLabel} ${i + 1} (${layerLabel(layer.type)})`,
    kind: 'encoder' as const,
    layers: copies.map((c) => c.names[i]!),
  }));
  const perCopy =
    copies.length > 1 && spec.encoder.length > 0
      ? copies.map((copy, k) => ({
          id: `copy.${k}`,
          label:
            copy.owner === null
              ? `Shared copy ${k + 1} of the encoder`
              : `Copy ${k + 1} of the encoder, ${taskName(copy.owner)}'s own`,
          kind: 'copy' as const,
          layers: copy.names,
        }))
      : [];
  const parts = mode
    .blocks(spec.sharing, modeContext(spec, inferShapes(spec).encoder))
    .filter((b) => b.layers.length > 0)
    .map((b) => ({
      id: `mode.${b.label}`,
      label: b.label,
      kind: 'mode' as const,
      layers: b.layers,
    }));
  const heads = spec.tasks.map((task) => ({
    id: taskBlockId(task.name),
    label: `Head of ${task.name}`,
    kind: 'task' as const,
    layers: [
      ...task.head.map((l, i) => headLayerName(task.name, i, l)),
      outputLayerName(task.name),
    ],
  }));
  return [...encoder, ...perCopy, ...parts, ...heads];
}

/** A block's setting, or training as usual when it has none. */
export function blockTraining(
  settings: Record<string, BlockTraining> | undefined,
  id: string,
): BlockTraining {
  return settings?.[id] ?? TRAINS_NORMALLY;
}

/**
 * Each layer's learning-rate multiplier: the product of those of the blocks it belongs to, 0 when
 * any of them is frozen. Layers of no block (none today) train at ×1.
 */
export function layerScales(
  spec: ModelSpec,
  settings: Record<string, BlockTraining> | undefined,
): Map<string, number> {
  const scales = new Map<string, number>();
  for (const block of trainingBlocks(spec)) {
    const { trainable, lrScale } = blockTraining(settings, block.id);
    for (const layer of block.layers)
      scales.set(layer, (scales.get(layer) ?? 1) * (trainable ? lrScale : 0));
  }
  return scales;
}

/** Whether the settings freeze every block that holds weights: then nothing would train. */
export function everyBlockFrozen(
  spec: ModelSpec,
  settings: Record<string, BlockTraining> | undefined,
): boolean {
  if (!settings) return false;
  return [...layerScales(spec, settings).values()].every((s) => s === 0);
}

/** Settings that differ from training as usual, keyed by block id (what a saved design keeps). */
export function withBlockSetting(
  settings: Record<string, BlockTraining> | undefined,
  id: string,
  next: BlockTraining,
): Record<string, BlockTraining> {
  const rest = { ...settings };
  delete rest[id];
  return next.trainable && next.lrScale === 1 ? rest : { ...rest, [id]: next };
}
