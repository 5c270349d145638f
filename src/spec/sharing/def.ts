import type * as tf from '@tensorflow/tfjs';
import type { LayerShape } from '../layerShape';
import { layerDef } from '../../layers/registry';
import type { Shape } from '../../layers/shape';
import type { InputSpec, LayerSpec, Problem, SharingSpec } from '../types';

/** A number setting of a sharing mode, as the builder shows it and validation checks it. */
export interface SharingField<S> {
  key: keyof S & string;
  label: string;
  min: number;
  max: number;
  /** Whole numbers only (a count); otherwise any number in range. */
  integer: boolean;
}

/** One copy of the encoder's layers: shared by every task (owner null) or owned by one task. */
export interface EncoderCopy {
  owner: number | null;
  /** Name of encoder layer `index` in this copy. */
  name(index: number, layer: LayerSpec): string;
}

/**
 * A part a mode adds around the encoder (a gate, an attention module, a cross-stitch unit, a
 * task's own experts), with the layers that hold its weights and who owns them.
 */
export interface ModeBlock {
  label: string;
  shape: Shape | null;
  params: number;
  /** Null: shared by every task; otherwise the task index. */
  owner: number | null;
  /** Layers holding this block's weights, named as the builder names them. */
  layers: string[];
}

/** What a mode's checks and block list know about the design. */
export interface ModeContext {
  input: InputSpec;
  inputShape: Shape;
  encoder: LayerSpec[];
  /** The encoder's layers once, shaped from the input (all copies have these shapes). */
  encoderShapes: LayerShape[];
  tasks: string[];
}

/** What a mode needs while its tf.js part is built (src/model/buildModel.ts hands it in). */
export interface SharingBuild extends ModeContext {
  tf: typeof tf;
  /** The model's input tensor. */
  x: tf.SymbolicTensor;
  /** Makes encoder layer `index` as a tf.js layer named `name`; applying it twice shares weights. */
  encoderLayer(index: number, name: string): (h: tf.SymbolicTensor) => tf.SymbolicTensor;
  nextSeed(): number;
  /** Layers written in this project (src/model), by class name. */
  custom: Record<string, (config: Record<string, unknown>) => tf.layers.Layer>;
}

/** What a mode needs while its part of the Keras script is written (src/io/kerasCode.ts). */
export interface SharingPython extends ModeContext {
  /** The Keras constructor call of encoder layer `index` named `name`. */
  encoderLayer(index: number, name: string): string;
}

/**
 * Everything a sharing mode means, in one place: its settings, the encoder copies and extra
 * blocks it makes (names, shapes, weights, owners), what it refuses, its tf.js build and its
 * Keras code. The encoder is drawn and shaped once; every copy has its layers.
 */
export interface SharingDef<S extends SharingSpec> {
  /** The mode's short name, as tables and run names show it. */
  name: string;
  /** The option in the builder. */
  label: string;
  /** One sentence the builder shows under the option. */
  explain: string;
  /** The settings a design takes when this mode is picked. */
  initial: S;
  fields: readonly SharingField<S>[];
  /** What the diagram and messages call the encoder's layers and the encoder. */
  layerLabel: string;
  encoderLabel: string;
  copies(sharing: S, tasks: string[]): EncoderCopy[];
  /** Blocks besides the encoder copies, the heads and the outputs. */
  blocks(sharing: S, context: ModeContext): ModeBlock[];
  /** What is wrong with the settings themselves (beyond the fields' ranges). */
  settingProblems(sharing: S, tasks: string[]): Problem[];
  /** Why this mode cannot build this design. */
  shapeProblems(sharing: S, context: ModeContext): Problem[];
  /** Times the encoder runs per example (copies, and MTAN's task streams), for the size budget. */
  passes(sharing: S, tasks: string[]): number;
  /** Whether every task reads one and the same encoder output (gradients can be taken there). */
  singleRepresentation: boolean;
  /** Builds the shared part; returns each task's head input, asked for in task order. */
  build(sharing: S, context: SharingBuild): (task: number) => tf.SymbolicTensor;
  /** Lines of `build_model` that leave each task's head input in the list `head_inputs`. */
  python(sharing: S, context: SharingPython): string[];
  /** Python classes the lines need, written once before the model. */
  pythonSupport?: readonly string[];
  /** What its gates or masks do on data, as heatmaps (the Gates view); none for fixed wiring. */
  readouts?(sharing: S, context: ModeContext): Readout[];
}

/**
 * A heatmap of a mode's data-dependent parts on validation data: each cell the mean, over the
 * examples, of one unit of a layer's output (a gate's weight on one expert), or of all its units
 * (`unit` null: how open a mask is).
 */
export interface Readout {
  title: string;
  columns: string[];
  rows: { label: string; cells: { column: number; layer: string; unit: number | null }[] }[];
}

/** A mode definition, typed by its settings. */
export const defineSharing = <S extends SharingSpec>(def: SharingDef<S>): SharingDef<S> => def;

/** The product of a shape's sizes. */
export const sizeOf = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);

/** Encoder layers that have weights: where gates, stitches and attention sit. */
export const weightedLayers = (shapes: LayerShape[]): number[] =>
  shapes.flatMap((l, i) => (l.params > 0 ? [i] : []));

/**
 * The encoder cut into blocks, where architectures act between layers: a block starts at a layer
 * with weights that does more than rescale, and takes the layers after it that keep going on the
 * same kind of tensor (pooling, dropout, normalization). A layer that flattens or pools away an
 * axis before further weighted layers opens the next block, so conv–pool–conv–pool–flatten–dense
 * is three blocks: [conv, pool] [conv, pool] [flatten, dense]. PLE extracts once per block;
 * cross-stitch units and MTAN's attention sit at each block's end. An encoder without a layer
 * with weights is one block.
 */
export function encoderBlocks(
  context: Pick<ModeContext, 'encoder' | 'encoderShapes' | 'inputShape'>,
): number[][] {
  const { encoder, encoderShapes: shapes } = context;
  const params = (i: number) => shapes[i]?.params ?? 0;
  const weighted = (i: number) => params(i) > 0 && !layerDef(encoder[i]!.type).normalizes;
  const rank = (i: number) =>
    i < 0 ? context.inputShape.length : (shapes[i]?.shape?.length ?? context.inputShape.length);
  const reshapes = (i: number) => params(i) === 0 && rank(i) !== rank(i - 1);
  const blocks: number[][] = [];
  let current: number[] = [];
  let open = false;
  encoder.forEach((_, i) => {
    const weightedAfter = encoder.some((__, j) => j > i && weighted(j));
    if (open && (weighted(i) || (reshapes(i) && weightedAfter))) {
      blocks.push(current);
      current = [];
      open = false;
    }
    current.push(i);
    open ||= weighted(i);
  });
  blocks.push(current);
  return blocks;
}

/** The output shape of the block ending at encoder layer `last` (-1: the input). */
export const blockShape = (context: ModeContext, last: number | undefined): Shape =>
  last === undefined || last < 0
    ? context.inputShape
    : (context.encoderShapes[last]?.shape ?? context.inputShape);

/** "layer 3" or "layers 3–5", 1-based, as the diagram numbers the encoder. */
export const layerSpan = (block: number[]): string =>
  block.length <= 1
    ? `layer ${(block[0] ?? 0) + 1}`
    : `layers ${block[0]! + 1}–${block.at(-1)! + 1}`;

/**
 * Why a mode that acts after every block cannot build this encoder: it has no layer with weights,
 * so its one block has nothing to stitch or attend after. Every block encoderBlocks cuts from an
 * encoder with weights holds some, so the builders need no check of their own.
 */
export function blockProblems(name: string, context: ModeContext): Problem[] {
  return context.encoderShapes.some((l) => l.params > 0)
    ? []
    : [
        {
          where: 'encoder',
          message: `${name} works block by block: add a layer with weights (Dense, Conv2D…) to the encoder`,
        },
      ];
}
