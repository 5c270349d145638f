import { py, pyTuple } from '../layers/python';
import { layerDef } from '../layers/registry';
import { outputActivationName } from '../spec/outputs';
import { headLayerName, outputLayerName } from '../spec/naming';
import { modeContext, sharingMode } from '../spec/sharing';
import { inputShape, inferShapes } from '../spec/shapes';
import type {
  LayerSpec,
  LossKind,
  MetricKind,
  ModelSpec,
  TaskSpec,
  TrainConfig,
} from '../spec/types';

const pyFloat = (x: number): string => (Number.isInteger(x) ? `${x}.0` : String(x));

/** The Keras layer call for one spec layer; `inputRank` is the rank of its input without batch. */
const kerasLayer = (layer: LayerSpec, name: string, inputRank: number, vocabSize: number): string =>
  layerDef(layer.type).python(layer, { name, inputRank, vocabSize });

const KERAS_LOSS: Record<LossKind, string> = {
  softmaxCrossEntropy: '"categorical_crossentropy"',
  sigmoidBinaryCrossEntropy: '"binary_crossentropy"',
  mse: '"mse"',
  mae: '"mae"',
  huber: 'keras.losses.Huber(delta=1.0)',
};

function kerasMetric(metric: MetricKind, loss: LossKind): string {
  switch (metric) {
    case 'accuracy':
      return loss === 'softmaxCrossEntropy' ? '"categorical_accuracy"' : '"binary_accuracy"';
    case 'mae':
      return '"mae"';
    case 'rmse':
      return 'keras.metrics.RootMeanSquaredError()';
    case 'r2':
      return 'keras.metrics.R2Score()';
  }
}

function kerasOptimizer(config: TrainConfig): string {
  const lr = `learning_rate=${config.learningRate}`;
  switch (config.optimizer) {
    case 'sgd':
      return `keras.optimizers.SGD(${lr})`;
    case 'momentum':
      return `keras.optimizers.SGD(${lr}, momentum=0.9)`;
    case 'adam':
      return `keras.optimizers.Adam(${lr})`;
    case 'rmsprop':
      return `keras.optimizers.RMSprop(${lr})`;
  }
}

/** Lines applying a chain of layers to variable `v`, ranks tracked from shape inference. */
function chainLines(
  v: string,
  layers: LayerSpec[],
  name: (i: number, l: LayerSpec) => string,
  ranks: number[],
  vocabSize: number,
  indent: string,
): string[] {
  return layers.map(
    (l, i) => `${indent}${v} = ${kerasLayer(l, name(i, l), ranks[i]!, vocabSize)}(${v})`,
  );
}

/** Input ranks (without batch) of each layer of a chain starting at `rank`. */
function chainRanks(spec: ModelSpec, layers: LayerSpec[], from: 'encoder' | string): number[] {
  const shapes = inferShapes(spec);
  const info =
    from === 'encoder' ? shapes.encoder : shapes.tasks.find((t) => t.name === from)?.head;
  const start =
    from === 'encoder' ? inputShape(spec.input).length : (shapes.sharedShape?.length ?? 1);
  return layers.map((_, i) => (i === 0 ? start : (info?.[i - 1]?.shape?.length ?? 1)));
}

const INDENT = '    ';

/** Lines of `build_model` for the shared part, as the sharing mode writes it: they fill `head_inputs`. */
function sharedLines(spec: ModelSpec, vocabSize: number): string[] {
  const ranks = chainRanks(spec, spec.encoder, 'encoder');
  const shapes = inferShapes(spec);
  return sharingMode(spec.sharing).python(spec.sharing, {
    ...modeContext(spec, shapes.encoder),
    encoderLayer: (i, name) => kerasLayer(spec.encoder[i]!, name, ranks[i]!, vocabSize),
  });
}

/** Lines of `build_model` for one task: its head input, head and output. */
function taskLines(spec: ModelSpec, task: TaskSpec, index: number, vocabSize: number): string[] {
  const name = (i: number, l: LayerSpec) => headLayerName(task.name, i, l);
  const ranks = chainRanks(spec, task.head, task.name);
  return [
    `    # task ${task.name}`,
    `    h = head_inputs[${index}]`,
    ...chainLines('h', task.head, name, ranks, vocabSize, INDENT),
    `    outputs.append(layers.Dense(${task.outputUnits}, activation=${py(outputActivationName(task.loss))}, name=${py(outputLayerName(task.name))})(h))`,
  ];
}

/** The body of `build_model`: input, shared part, every task, the model. */
function buildModelLines(spec: ModelSpec): string[] {
  const vocabSize = spec.input.kind === 'tokens' ? spec.input.vocabSize : 0;
  const dtype = spec.input.kind === 'tokens' ? 'int32' : 'float32';
  return [
    `    inputs = keras.Input(shape=${pyTuple(inputShape(spec.input))}, dtype=${py(dtype)}, name="input")`,
    ...sharedLines(spec, vocabSize),
    `    outputs = []`,
    ...spec.tasks.flatMap((task, i) => taskLines(spec, task, i, vocabSize)),
    `    return keras.Model(inputs, outputs, name="mtl_playground")`,
  ];
}

/** Custom layer classes the model uses, each written once before the model. */
function supportCode(spec: ModelSpec): string[] {
  const used = [...spec.encoder, ...spec.tasks.flatMap((t) => t.head)];
  return [
    ...new Set([
      ...used.flatMap((l) => layerDef(l.type).pythonSupport ?? []),
      ...(sharingMode(spec.sharing).pythonSupport ?? []),
    ]),
  ];
}

const LOAD_TFJS_WEIGHTS = `def load_tfjs_weights(model, directory="."):
    """Loads weights.bin into the layers named in model.json, in the order tf.js saved them."""
    with open(os.path.join(directory, "model.json")) as f:
        manifest = json.load(f)["weightsManifest"]
    with open(os.path.join(directory, "weights.bin"), "rb") as f:
        data = f.read()
    by_layer, offset = {}, 0
    for group in manifest:
        for spec in group["weights"]:
            count = int(np.prod(spec["shape"])) if spec["shape"] else 1
            dtype = np.int32 if spec["dtype"] == "int32" else np.float32
            value = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(spec["shape"])
            offset += count * 4
            by_layer.setdefault(spec["name"].split("/")[0], []).append(value)
    for layer in model.layers:
        if layer.weights:
            layer.set_weights(by_layer[layer.name])`;

/**
 * A Python script that rebuilds the model in Keras with the same layer names, loads the weights
 * exported by the app (model.json + weights.bin) layer by layer, and compiles it with the same
 * losses, the given λᵢ as `loss_weights`, and the same optimizer — ready for `model.fit`.
 */
export function kerasScript(spec: ModelSpec, config: TrainConfig, lambdas: number[]): string {
  const dict = (value: (t: TaskSpec, i: number) => string) =>
    `{${spec.tasks.map((t, i) => `${py(t.name)}: ${value(t, i)}`).join(', ')}}`;

  return `"""${spec.tasks.map((t) => t.name).join(', ')}: a multi-task model from MTL Playground, in Keras.

Put model.json and weights.bin (Export weights) beside this file and run it: it rebuilds the
architecture with the same layer names, loads the trained weights, and compiles the model with the
same losses and the final task weights as loss_weights, ready for
    model.fit(x, {${spec.tasks.map((t) => `${py(t.name)}: y_${t.name.replace(/-/g, '_')}`).join(', ')}})
Targets: one-hot vectors for softmax tasks, 0/1 for sigmoid tasks, values for regression.
"""
import json
import os

import numpy as np
from tensorflow import keras
from tensorflow.keras import layers, regularizers

TASKS = ${py(spec.tasks.map((t) => t.name).join(','))}.split(",")
LOSS_WEIGHTS = ${dict((_, i) => pyFloat(lambdas[i] ?? 1))}
${supportCode(spec)
  .map((code) => `\n${code}\n`)
  .join('')}

def build_model():
${buildModelLines(spec).join('\n')}


${LOAD_TFJS_WEIGHTS}


def compile_model(model):
    model.compile(
        optimizer=${kerasOptimizer(config)},
        loss=${dict((t) => KERAS_LOSS[t.loss])},
        loss_weights=LOSS_WEIGHTS,
        metrics=${dict((t) => `[${kerasMetric(t.metric, t.loss)}]`)},
    )
    return model


if __name__ == "__main__":
    model = compile_model(build_model())
    load_tfjs_weights(model, os.path.dirname(os.path.abspath(__file__)))
    model.summary()
`;
}
