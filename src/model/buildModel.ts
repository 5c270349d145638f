import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../data/random';
import { layerDef } from '../layers/registry';
import { headLayerName, outputLayerName } from '../spec/naming';
import { encoderCopyNames, modeContext, sharingMode } from '../spec/sharing';
import { inferShapes } from '../spec/shapes';
import { outputActivationName } from '../spec/outputs';
import type { LayerSpec, ModelSpec } from '../spec/types';
import { CrossStitch, type CrossStitchArgs } from './crossStitch';
import { DSelectGate, type DSelectGateArgs } from './dselectGate';
import { SelfAttention, type SelfAttentionArgs } from './selfAttention';

/** Layers this project writes itself, for the layer and sharing modules that need them. */
const CUSTOM_LAYERS = {
  SelfAttention: (config: Record<string, unknown>) =>
    new SelfAttention(config as unknown as SelfAttentionArgs),
  CrossStitch: (config: Record<string, unknown>) =>
    new CrossStitch(config as unknown as CrossStitchArgs),
  DSelectGate: (config: Record<string, unknown>) =>
    new DSelectGate(config as unknown as DSelectGateArgs),
};

/** Makes the tf.js layer for one spec layer; `nextSeed` keeps initialization reproducible. */
function makeLayer(
  name: string,
  layer: LayerSpec,
  vocabSize: number,
  nextSeed: () => number,
  inputRank: number,
): (x: tf.SymbolicTensor) => tf.SymbolicTensor {
  const made = layerDef(layer.type).build(layer, {
    tf,
    name,
    nextSeed,
    inputRank,
    vocabSize,
    custom: CUSTOM_LAYERS,
  });
  return (x) => made.apply(x) as tf.SymbolicTensor;
}

/**
 * Builds the functional LayersModel: one input, the shared part as the sharing mode lays it out
 * (src/spec/sharing/), one named output per task (in `spec.tasks` order). Initializers and
 * dropout are seeded, so a seed gives the same model.
 */
export function buildModel(spec: ModelSpec, seed: number): tf.LayersModel {
  let purpose = 100;
  const nextSeed = (): number => deriveSeed(seed, purpose++);
  const vocabSize = spec.input.kind === 'tokens' ? spec.input.vocabSize : 0;
  const shapes = inferShapes(spec);
  // Rank of each encoder layer's input, known before any copy is made.
  const encoderRanks = spec.encoder.map((_, i) =>
    i === 0 ? shapes.input.length : (shapes.encoder[i - 1]?.shape?.length ?? 1),
  );
  const input = tf.input({
    shape: shapes.input,
    name: 'input',
    dtype: spec.input.kind === 'tokens' ? 'int32' : 'float32',
  });
  const headInput = sharingMode(spec.sharing).build(spec.sharing, {
    ...modeContext(spec, shapes.encoder),
    tf,
    x: input,
    encoderLayer: (i, name) =>
      makeLayer(name, spec.encoder[i]!, vocabSize, nextSeed, encoderRanks[i]!),
    nextSeed,
    custom: CUSTOM_LAYERS,
  });
  const outputs = spec.tasks.map((task, t) => {
    const h = task.head.reduce(
      (x, layer, i) =>
        makeLayer(
          headLayerName(task.name, i, layer),
          layer,
          vocabSize,
          nextSeed,
          x.shape.length - 1,
        )(x),
      headInput(t),
    );
    return tf.layers
      .dense({
        name: outputLayerName(task.name),
        units: task.outputUnits,
        activation: outputActivationName(task.loss),
        kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
      })
      .apply(h) as tf.SymbolicTensor;
  });
  return tf.model({ inputs: input, outputs, name: 'mtl_playground' });
}

/** Runs the model and always returns one tensor per task, also for a single-task model. */
export function predictTasks(model: tf.LayersModel, x: tf.Tensor, training: boolean): tf.Tensor[] {
  const out = model.apply(x, { training });
  return Array.isArray(out) ? (out as tf.Tensor[]) : [out as tf.Tensor];
}

/** Trainable variables of one layer: `LayerVariable.read()` is the tf.Variable itself. */
function layerVariables(model: tf.LayersModel, name: string): tf.Variable[] {
  return model.getLayer(name).trainableWeights.map((w) => w.read() as tf.Variable);
}

/** Variables split by owner: the shared part, and each task's gate, head and output layer. */
export interface ParameterGroups {
  shared: tf.Variable[];
  tasks: tf.Variable[][];
}

/**
 * The names of each owner's layers: the shared part (shared encoder copies and blocks) and each
 * task (its own copies and blocks, head and output), as the sharing mode and the builder name them.
 */
function layerNamesByOwner(spec: ModelSpec): { shared: string[]; tasks: string[][] } {
  const owned = new Map<number | null, Set<string>>();
  const add = (owner: number | null, names: string[]) => {
    if (!owned.has(owner)) owned.set(owner, new Set());
    names.forEach((n) => owned.get(owner)!.add(n));
  };
  for (const copy of encoderCopyNames(spec)) add(copy.owner, copy.names);
  const context = modeContext(spec, inferShapes(spec).encoder);
  for (const block of sharingMode(spec.sharing).blocks(spec.sharing, context))
    add(block.owner, block.layers);
  return {
    shared: [...(owned.get(null) ?? [])],
    tasks: spec.tasks.map((task, t) => [
      ...(owned.get(t) ?? []),
      ...task.head.map((l, i) => headLayerName(task.name, i, l)),
      outputLayerName(task.name),
    ]),
  };
}

/** Splits the model's trainable variables by owner, using the names the builder gave them. */
export function parameterGroups(model: tf.LayersModel, spec: ModelSpec): ParameterGroups {
  const names = layerNamesByOwner(spec);
  const variables = (layers: string[]) => layers.flatMap((name) => layerVariables(model, name));
  return { shared: variables(names.shared), tasks: names.tasks.map(variables) };
}

/** The kernels of Dense layers with an L2 factor, for the Trainer to penalize. */
export function l2Penalties(
  model: tf.LayersModel,
  spec: ModelSpec,
): { variable: tf.Variable; l2: number }[] {
  const named = (layers: LayerSpec[], name: (i: number, l: LayerSpec) => string) =>
    layers.flatMap((l, i) => {
      const l2 = layerDef(l.type).kernelL2?.(l) ?? 0;
      return l2 > 0 ? [{ name: name(i, l), l2 }] : [];
    });
  const entries = [
    ...encoderCopyNames(spec).flatMap((copy) => named(spec.encoder, (i) => copy.names[i]!)),
    ...spec.tasks.flatMap((t) => named(t.head, (i, l) => headLayerName(t.name, i, l))),
  ];
  return entries.map(({ name, l2 }) => ({
    variable: model.getLayer(name).trainableWeights[0]!.read() as tf.Variable,
    l2,
  }));
}

/** Where a trainable variable sits: its layer, and a key (`layer/index`) a rebuilt model repeats. */
export interface VariablePlace {
  layer: string;
  key: string;
}

/**
 * Each trainable variable's layer and key. tf.js makes variable names unique across models
 * (`dense/kernel_1`), so a rebuilt model's variables are matched to the old ones by these keys.
 */
export function variablePlaces(model: tf.LayersModel): Map<tf.Variable, VariablePlace> {
  const places = new Map<tf.Variable, VariablePlace>();
  for (const layer of model.layers)
    layer.trainableWeights.forEach((w, i) =>
      places.set(w.read() as tf.Variable, { layer: layer.name, key: `${layer.name}/${i}` }),
    );
  return places;
}
