import { encoderLayerName, headLayerName, outputLayerName } from './naming';
import type { LayerSpec, ModelSpec } from './types';

/** One layer's inferred output width and trainable parameter count. */
export interface LayerShape {
  name: string;
  outputDim: number;
  params: number;
}

/** Shapes and sizes of a whole design, as tf.js will build it. */
export interface ModelShapes {
  encoder: LayerShape[];
  tasks: { name: string; head: LayerShape[]; output: LayerShape }[];
  /** Output width of the shared encoder (the shared representation). */
  sharedDim: number;
  encoderParams: number;
  totalParams: number;
}

/** Output width and parameters of one layer given its input width. */
export function layerShape(name: string, layer: LayerSpec, inputDim: number): LayerShape {
  switch (layer.type) {
    case 'dense':
      return { name, outputDim: layer.units, params: inputDim * layer.units + layer.units };
    case 'dropout':
      return { name, outputDim: inputDim, params: 0 };
    default: {
      const never: never = layer;
      throw new Error(`Unknown layer ${JSON.stringify(never)}`);
    }
  }
}

function chain(names: string[], layers: LayerSpec[], inputDim: number): LayerShape[] {
  const shapes: LayerShape[] = [];
  let dim = inputDim;
  layers.forEach((layer, i) => {
    const shape = layerShape(names[i]!, layer, dim);
    shapes.push(shape);
    dim = shape.outputDim;
  });
  return shapes;
}

const sumParams = (shapes: LayerShape[]): number => shapes.reduce((s, l) => s + l.params, 0);

/** Infers every layer's output width and parameter count without building anything. */
export function inferShapes(spec: ModelSpec): ModelShapes {
  const encoder = chain(
    spec.encoder.map((l, i) => encoderLayerName(i, l)),
    spec.encoder,
    spec.inputDim,
  );
  const sharedDim = encoder.at(-1)?.outputDim ?? spec.inputDim;
  const tasks = spec.tasks.map((task) => {
    const head = chain(
      task.head.map((l, i) => headLayerName(task.name, i, l)),
      task.head,
      sharedDim,
    );
    const headDim = head.at(-1)?.outputDim ?? sharedDim;
    const output = layerShape(
      outputLayerName(task.name),
      { type: 'dense', units: task.outputUnits, activation: 'linear' },
      headDim,
    );
    return { name: task.name, head, output };
  });
  const encoderParams = sumParams(encoder);
  const totalParams =
    encoderParams + tasks.reduce((s, t) => s + sumParams(t.head) + t.output.params, 0);
  return { encoder, tasks, sharedDim, encoderParams, totalParams };
}
