import { layerResult } from '../layers/registry';
import { formatShape, type Shape } from '../layers/shape';
import { headLayerName, outputLayerName } from './naming';
import { sharingMode } from './sharing';
import type { InputSpec, LayerSpec, ModelSpec, Problem } from './types';

export type { Shape } from '../layers/shape';

/** One layer's inferred output shape and weight counts (null shape: an earlier layer failed). */
export interface LayerShape {
  name: string;
  shape: Shape | null;
  /** Trainable weights. */
  params: number;
  /** Weights that are not trained by gradients (BatchNormalization's moving statistics). */
  nonTrainable: number;
}

/** Shapes and sizes of a whole design, as tf.js will build it, and every shape problem. */
export interface ModelShapes {
  input: Shape;
  /** One expert's layers in MMoE mode. */
  encoder: LayerShape[];
  /** Output of the shared part: the encoder, or the mixture of experts. */
  sharedShape: Shape | null;
  /** Trainable weights of the shared part (all experts together in MMoE). */
  sharedParams: number;
  tasks: { name: string; gate: LayerShape | null; head: LayerShape[]; output: LayerShape }[];
  /** Trainable parameters of the whole model. */
  totalParams: number;
  nonTrainableParams: number;
  problems: Problem[];
}

/** The input as a shape. */
export function inputShape(input: InputSpec): Shape {
  switch (input.kind) {
    case 'features':
      return [input.size];
    case 'image':
      return [input.height, input.width, input.channels];
    case 'tokens':
      return [input.length];
  }
}

interface Chain {
  layers: LayerShape[];
  out: Shape | null;
  /** True while the tensor is still raw token ids. */
  tokens: boolean;
}

function chain(
  layers: LayerSpec[],
  names: string[],
  start: Chain,
  vocabSize: number,
  where: (i: number) => string,
  label: (i: number) => string,
  problems: Problem[],
): Chain {
  let shape = start.out;
  let tokens = start.tokens;
  const shapes: LayerShape[] = [];
  layers.forEach((layer, i) => {
    if (shape === null) {
      shapes.push({ name: names[i]!, shape: null, params: 0, nonTrainable: 0 });
      return;
    }
    const r = layerResult(layer, shape, tokens, vocabSize);
    if ('error' in r) {
      problems.push({ where: where(i), message: `${label(i)}: ${r.error}` });
      shapes.push({ name: names[i]!, shape: null, params: 0, nonTrainable: 0 });
      shape = null;
      return;
    }
    shapes.push({
      name: names[i]!,
      shape: r.shape,
      params: r.params,
      nonTrainable: r.nonTrainable,
    });
    shape = r.shape;
    tokens = false;
  });
  return { layers: shapes, out: shape, tokens };
}

const sum = (xs: LayerShape[], key: 'params' | 'nonTrainable'): number =>
  xs.reduce((s, l) => s + l[key], 0);

/** Infers every layer's output shape and weight counts without building anything. */
export function inferShapes(spec: ModelSpec): ModelShapes {
  const problems: Problem[] = [];
  const input = inputShape(spec.input);
  const vocabSize = spec.input.kind === 'tokens' ? spec.input.vocabSize : 0;
  const mode = sharingMode(spec.sharing);
  const copies = mode.copies(spec.sharing);
  const encoder = chain(
    spec.encoder,
    spec.encoder.map((l, i) => mode.layerName(0, i, l)),
    { layers: [], out: input, tokens: spec.input.kind === 'tokens' },
    vocabSize,
    (i) => `encoder[${i}]`,
    (i) => `${mode.layerLabel} ${i + 1}`,
    problems,
  );
  let sharedShape = encoder.out;
  if (encoder.tokens && spec.tasks.length > 0) {
    problems.push({
      where: 'encoder',
      message: `Token input ${formatShape(input)} needs an Embedding first: add one to ${mode.encoderLabel}`,
    });
    sharedShape = null;
  }
  problems.push(...mode.shapeProblems(spec.sharing, spec.input, sharedShape));
  sharedShape = mode.headInput(sharedShape);
  const tasks = spec.tasks.map((task) => {
    const [gate = null] = mode
      .taskLayers(spec.sharing, task.name, input)
      .map((layer): LayerShape => ({ ...layer, nonTrainable: 0 }));
    const head = chain(
      task.head,
      task.head.map((l, i) => headLayerName(task.name, i, l)),
      { layers: [], out: sharedShape, tokens: false },
      vocabSize,
      (i) => `task:${task.name}.head[${i}]`,
      (i) => `Task '${task.name}', head layer ${i + 1}`,
      problems,
    );
    let outputParams = 0;
    if (head.out && head.out.length !== 1) {
      problems.push({
        where: `task:${task.name}`,
        message: `Task '${task.name}': its head ends with ${formatShape(head.out)}; add GlobalAveragePooling, Flatten or a recurrent layer without return sequences before the output`,
      });
    } else if (head.out) {
      outputParams = head.out[0]! * task.outputUnits + task.outputUnits;
    }
    const output: LayerShape = {
      name: outputLayerName(task.name),
      shape: [task.outputUnits],
      params: outputParams,
      nonTrainable: 0,
    };
    return { name: task.name, gate, head: head.layers, output };
  });
  const sharedParams = sum(encoder.layers, 'params') * copies;
  const taskParams = tasks.reduce(
    (s, t) => s + (t.gate?.params ?? 0) + sum(t.head, 'params') + t.output.params,
    0,
  );
  const nonTrainableParams =
    sum(encoder.layers, 'nonTrainable') * copies +
    tasks.reduce((s, t) => s + sum(t.head, 'nonTrainable'), 0);
  return {
    input,
    encoder: encoder.layers,
    sharedShape,
    sharedParams,
    tasks,
    totalParams: sharedParams + taskParams,
    nonTrainableParams,
    problems,
  };
}
