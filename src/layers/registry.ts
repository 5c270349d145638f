import * as v from 'valibot';
import type { LayerDef } from './layerDef';
import { fail, formatShape, type LayerResult, type Shape } from './shape';
import { conv2d } from './types/conv2d';
import { dense } from './types/dense';
import { dropout } from './types/dropout';
import { embedding } from './types/embedding';
import { batchNorm, layerNorm } from './types/normalization';
import { avgPool2d, maxPool2d } from './types/pooling';
import { gru, lstm } from './types/recurrent';
import { flatten, globalAvgPool } from './types/reshaping';
import { selfAttention } from './types/selfAttention';

/** Every layer type the app ships, in menu order. Adding one: a module in types/ and a line here. */
const BUILT_IN = [
  dense,
  dropout,
  batchNorm,
  layerNorm,
  conv2d,
  maxPool2d,
  avgPool2d,
  flatten,
  globalAvgPool,
  embedding,
  lstm,
  gru,
  selfAttention,
] as const;

/** A layer as a design saves it: the union of every built-in layer's saved form. */
export type LayerSpec = v.InferOutput<(typeof BUILT_IN)[number]['schema']>;
export type LayerType = LayerSpec['type'];

/** A definition seen from outside: for whichever layer it is handed. */
type AnyLayerDef = LayerDef<LayerSpec>;

const registered = new Map<string, AnyLayerDef>(
  BUILT_IN.map((def) => [def.type, def as unknown as AnyLayerDef]),
);
let savedSchema: v.GenericSchema<unknown, LayerSpec> | null = null;

/**
 * Adds a layer type at run time (tests add a throwaway one to prove the registry alone suffices).
 * Returns the function that removes it again.
 */
export function registerLayer<L extends { type: string }>(def: LayerDef<L>): () => void {
  if (registered.has(def.type)) throw new Error(`Layer type '${def.type}' is already registered`);
  registered.set(def.type, def as unknown as AnyLayerDef);
  savedSchema = null;
  return () => {
    registered.delete(def.type);
    savedSchema = null;
  };
}

/** Every layer type, in menu order. */
export const layerTypes = (): LayerType[] => [...registered.keys()] as LayerType[];

/** The definition of a layer type, or undefined for a type nobody registered. */
export const findLayerDef = (type: string): AnyLayerDef | undefined => registered.get(type);

/** The definition of a layer known to be valid (validation has refused unknown types). */
export function layerDef(type: string): AnyLayerDef {
  const def = registered.get(type);
  if (!def) throw new Error(`Unknown layer type '${type}'`);
  return def;
}

/** Keras's name of a layer type, e.g. "Conv2D". */
export const layerLabel = (type: string): string => findLayerDef(type)?.label ?? type;

/** A fresh layer of a type with its defaults. */
export const newLayer = (type: LayerType): LayerSpec =>
  ({ type, ...layerDef(type).defaults }) as LayerSpec;

/** The diagram block's few words for a layer. */
export function describeLayer(layer: LayerSpec): string {
  const def = layerDef(layer.type);
  return def.describe?.(layer) ?? def.label;
}

/** The saved form of any registered layer, for reading design files. */
export function layerSchema(): v.GenericSchema<unknown, LayerSpec> {
  if (!savedSchema) {
    // Each definition's schema is a strict object tagged by `type`, as `variant` needs.
    const options = [...registered.values()].map((d) => d.schema);
    savedSchema = v.variant(
      'type',
      options as unknown as v.VariantOptions<'type'>,
    ) as unknown as v.GenericSchema<unknown, LayerSpec>;
  }
  return savedSchema;
}

/**
 * Output shape and weight counts of one layer, exactly as tf.js builds it; `tokens` says the
 * input is still raw token ids, which only a layer that reads tokens accepts.
 */
export function layerResult(
  layer: LayerSpec,
  input: Shape,
  tokens: boolean,
  vocabSize: number,
): LayerResult {
  const def = findLayerDef(layer.type);
  if (!def) return fail(`Unknown layer type '${String(layer.type)}'`);
  if (tokens && !def.readsTokens) {
    return fail(
      `Token input ${formatShape(input)} needs an Embedding first: it turns token ids into vectors (${def.label} cannot read ids)`,
    );
  }
  return def.result(layer, input, { tokens, vocabSize });
}
