import type * as tf from '@tensorflow/tfjs';
import type * as v from 'valibot';
import type { LayerResult, Shape } from './shape';

/**
 * One parameter of a layer: how the editor shows it, which values are sensible (the friendly
 * checks before training) and how property tests draw it. The saved-file schema is looser on
 * purpose: a design with `units: 0` still loads, and this range then explains what is wrong.
 */
export type Field<L> =
  | {
      kind: 'int';
      key: keyof L & string;
      /** The editor's label, also the control's accessible name. */
      label: string;
      /** How a message names the quantity: "Dense needs 1 to 4096 units". */
      noun: string;
      min: number;
      max: number;
    }
  | {
      kind: 'number';
      key: keyof L & string;
      label: string;
      min: number;
      max: number;
      /** The upper end is excluded: a dropout rate of 1 drops everything. */
      maxExcluded?: boolean;
      step: number;
    }
  | { kind: 'choice'; key: keyof L & string; label: string; options: readonly string[] }
  | { kind: 'flag'; key: keyof L & string; label: string };

/** What a layer knows while its tf.js layer is made. */
export interface BuildContext {
  /**
   * The engine's tf.js, handed in: layer modules hold no runtime import of tf.js, so the page's
   * main thread (which validates, saves and draws designs) never loads it.
   */
  tf: typeof tf;
  name: string;
  /** Seeds for initializers, drawn in a fixed order so a seed gives the same model. */
  nextSeed(): number;
  /** Rank of the input without the batch axis. */
  inputRank: number;
  vocabSize: number;
  /** Layers written in this project rather than taken from tf.js, by class name. */
  custom: Record<string, (config: Record<string, unknown>) => tf.layers.Layer>;
}

/** What a layer knows while its Keras line is written. */
export interface PythonContext {
  name: string;
  /** Rank of the input without the batch axis. */
  inputRank: number;
  vocabSize: number;
}

/** What a layer knows while its output shape is inferred. */
export interface ShapeContext {
  /** The input is still raw token ids (only a layer that reads tokens accepts it). */
  tokens: boolean;
  vocabSize: number;
}

/**
 * Everything about one layer type, in one place: its saved form, defaults, editor fields, checks,
 * output shape and weight count, tf.js construction, Keras code and diagram label. `L` is the
 * layer's saved form, derived from `schema`.
 */
export interface LayerDef<L extends { type: string } = { type: string }> {
  type: L['type'];
  /** Keras's class name, as the UI and messages say it. */
  label: string;
  /** The saved form: the type tag and every parameter, with bounds no browser could exceed. */
  schema: v.GenericSchema<unknown, L>;
  /** A fresh layer's parameters, Keras-like. */
  defaults: Omit<L, 'type'>;
  fields: readonly Field<L>[];
  /**
   * Only rescales what comes in (BatchNormalization): it joins the block of the layer before it,
   * where architectures put their gates, stitches and attention (src/spec/sharing/).
   */
  normalizes?: boolean;
  /** Reads raw token ids (an Embedding); every other layer needs vectors. */
  readsTokens?: boolean;
  /** Output shape and weight counts exactly as tf.js builds the layer, or why it cannot apply. */
  result(layer: L, input: Shape, context: ShapeContext): LayerResult;
  build(layer: L, context: BuildContext): tf.layers.Layer;
  /** The Keras layer call, e.g. `layers.Dense(16, activation="relu", name="shared_1_dense")`. */
  python(layer: L, context: PythonContext): string;
  /** Python the script needs once before the model when this layer is used (a custom class). */
  pythonSupport?: string;
  /** The diagram block's few words; the label alone when absent. */
  describe?(layer: L): string;
  /** The L2 factor on this layer's kernel (its first weight), which the trainer adds to the loss. */
  kernelL2?(layer: L): number;
}

/** A layer definition whose saved form is inferred from its schema, so the two cannot drift. */
export const defineLayer = <S extends v.GenericSchema<unknown, { type: string }>>(
  schema: S,
  def: Omit<LayerDef<v.InferOutput<S>>, 'schema'>,
): LayerDef<v.InferOutput<S>> => ({ ...def, schema });
