import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../data/random';
import { encoderLayerName, headLayerName, outputLayerName } from '../spec/naming';
import type { LayerSpec, LossKind, ModelSpec } from '../spec/types';

/** The output activation each loss expects: exported models predict probabilities, not logits. */
export function outputActivation(loss: LossKind): 'softmax' | 'sigmoid' | 'linear' {
  if (loss === 'softmaxCrossEntropy') return 'softmax';
  if (loss === 'sigmoidBinaryCrossEntropy') return 'sigmoid';
  return 'linear';
}

/**
 * Builds the functional LayersModel: one input, the shared encoder, one named output per task
 * (in `spec.tasks` order). Initializers and dropout are seeded, so a seed gives the same model.
 */
export function buildModel(spec: ModelSpec, seed: number): tf.LayersModel {
  let purpose = 100;
  const nextSeed = (): number => deriveSeed(seed, purpose++);
  const dense = (name: string, units: number, activation: string): tf.layers.Layer =>
    tf.layers.dense({
      name,
      units,
      activation: activation as 'linear',
      kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
      biasInitializer: 'zeros',
    });
  const makeLayer = (name: string, layer: LayerSpec): tf.layers.Layer =>
    layer.type === 'dense'
      ? dense(name, layer.units, layer.activation)
      : tf.layers.dropout({ name, rate: layer.rate, seed: nextSeed() });
  const apply = (layer: tf.layers.Layer, x: tf.SymbolicTensor): tf.SymbolicTensor =>
    layer.apply(x) as tf.SymbolicTensor;

  const input = tf.input({ shape: [spec.inputDim], name: 'input' });
  let shared = input;
  spec.encoder.forEach((layer, i) => {
    shared = apply(makeLayer(encoderLayerName(i, layer), layer), shared);
  });
  const outputs = spec.tasks.map((task) => {
    let h = shared;
    task.head.forEach((layer, i) => {
      h = apply(makeLayer(headLayerName(task.name, i, layer), layer), h);
    });
    return apply(
      dense(outputLayerName(task.name), task.outputUnits, outputActivation(task.loss)),
      h,
    );
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

/** Variables split by owner: the shared encoder, and each task's head and output layer. */
export interface ParameterGroups {
  shared: tf.Variable[];
  tasks: tf.Variable[][];
}

/** Splits the model's trainable variables by owner, using the names the builder gave them. */
export function parameterGroups(model: tf.LayersModel, spec: ModelSpec): ParameterGroups {
  return {
    shared: spec.encoder.flatMap((l, i) => layerVariables(model, encoderLayerName(i, l))),
    tasks: spec.tasks.map((task) => [
      ...task.head.flatMap((l, i) => layerVariables(model, headLayerName(task.name, i, l))),
      ...layerVariables(model, outputLayerName(task.name)),
    ]),
  };
}
