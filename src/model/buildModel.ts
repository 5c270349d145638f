import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../data/random';
import { layerDef } from '../layers/registry';
import { gateLayerName, headLayerName, outputLayerName } from '../spec/naming';
import { encoderCopyNames, sharingMode } from '../spec/sharing';
import { inputShape } from '../spec/shapes';
import { outputActivationName } from '../spec/outputs';
import type { LayerSpec, ModelSpec } from '../spec/types';
import { SelfAttention, type SelfAttentionArgs } from './selfAttention';

/** Layers this project writes itself, for the layer modules that need them. */
const CUSTOM_LAYERS = {
  SelfAttention: (config: Record<string, unknown>) =>
    new SelfAttention(config as unknown as SelfAttentionArgs),
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
 * Builds the functional LayersModel: one input, the shared part (one encoder, or E experts mixed
 * per task by a softmax gate), one named output per task (in `spec.tasks` order). Initializers
 * and dropout are seeded, so a seed gives the same model.
 */
export function buildModel(spec: ModelSpec, seed: number): tf.LayersModel {
  let purpose = 100;
  const nextSeed = (): number => deriveSeed(seed, purpose++);
  const vocabSize = spec.input.kind === 'tokens' ? spec.input.vocabSize : 0;
  const chain = (
    x: tf.SymbolicTensor,
    layers: LayerSpec[],
    name: (i: number, l: LayerSpec) => string,
  ) =>
    layers.reduce(
      (h, layer, i) => makeLayer(name(i, layer), layer, vocabSize, nextSeed, h.shape.length - 1)(h),
      x,
    );

  const input = tf.input({
    shape: inputShape(spec.input),
    name: 'input',
    dtype: spec.input.kind === 'tokens' ? 'int32' : 'float32',
  });
  let sharedFor: (task: string) => tf.SymbolicTensor;
  if (spec.sharing.mode === 'mmoe') {
    const experts = encoderCopyNames(spec.sharing, spec.encoder).map((names) =>
      chain(input, spec.encoder, (i) => names[i]!),
    );
    const width = experts[0]!.shape[1]!;
    // Stack the expert vectors to [E, d]; each task's gate [E] mixes them with a dot product.
    const stacked = tf.layers
      .concatenate({ name: 'shared_experts', axis: 1 })
      .apply(
        experts.map(
          (h, e) =>
            tf.layers
              .reshape({ name: `shared_expert${e + 1}_stack`, targetShape: [1, width] })
              .apply(h) as tf.SymbolicTensor,
        ),
      ) as tf.SymbolicTensor;
    const gateInput =
      input.shape.length > 2
        ? (tf.layers.flatten({ name: 'gate_input' }).apply(input) as tf.SymbolicTensor)
        : input;
    const count = spec.sharing.experts;
    sharedFor = (task) => {
      const gate = tf.layers
        .dense({
          name: gateLayerName(task),
          units: count,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
        })
        .apply(gateInput) as tf.SymbolicTensor;
      return tf.layers
        .dot({ name: `${task}_mixture`, axes: [1, 1] })
        .apply([gate, stacked]) as tf.SymbolicTensor;
    };
  } else {
    const [names] = encoderCopyNames(spec.sharing, spec.encoder);
    const shared = chain(input, spec.encoder, (i) => names![i]!);
    sharedFor = () => shared;
  }
  const outputs = spec.tasks.map((task) => {
    const h = chain(sharedFor(task.name), task.head, (i, l) => headLayerName(task.name, i, l));
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

/** Names of the layers that belong to the shared part of a spec. */
export function sharedLayerNames(spec: ModelSpec): string[] {
  return encoderCopyNames(spec.sharing, spec.encoder).flat();
}

/** Names of the layers that belong to task `index`. */
export function taskLayerNames(spec: ModelSpec, index: number): string[] {
  const task = spec.tasks[index]!;
  const own = sharingMode(spec.sharing).taskLayers(spec.sharing, task.name, inputShape(spec.input));
  return [
    ...own.map((layer) => layer.name),
    ...task.head.map((l, i) => headLayerName(task.name, i, l)),
    outputLayerName(task.name),
  ];
}

/** Splits the model's trainable variables by owner, using the names the builder gave them. */
export function parameterGroups(model: tf.LayersModel, spec: ModelSpec): ParameterGroups {
  return {
    shared: sharedLayerNames(spec).flatMap((name) => layerVariables(model, name)),
    tasks: spec.tasks.map((_, i) =>
      taskLayerNames(spec, i).flatMap((name) => layerVariables(model, name)),
    ),
  };
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
  const mode = sharingMode(spec.sharing);
  const entries = [
    ...Array.from({ length: mode.copies(spec.sharing) }, (_, e) =>
      named(spec.encoder, (i, l) => mode.layerName(e, i, l)),
    ).flat(),
    ...spec.tasks.flatMap((t) => named(t.head, (i, l) => headLayerName(t.name, i, l))),
  ];
  return entries.map(({ name, l2 }) => ({
    variable: model.getLayer(name).trainableWeights[0]!.read() as tf.Variable,
    l2,
  }));
}
