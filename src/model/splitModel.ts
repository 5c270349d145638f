import * as tf from '@tensorflow/tfjs';
import { encoderLayerName, headLayerName, outputLayerName } from '../spec/naming';
import { inferShapes } from '../spec/shapes';
import type { ModelSpec } from '../spec/types';
import { traceEncoder, type EncoderTrace } from './encoderTrace';

/** The model cut at the shared representation h: x → h, and one h → output per task. */
export interface SplitModel {
  encoder(x: tf.Tensor, training: boolean): tf.Tensor;
  /** The encoder's forward and backward written out, where its layers allow (encoderTrace.ts). */
  trace: EncoderTrace | null;
  heads: ((h: tf.Tensor, training: boolean) => tf.Tensor)[];
  /** Releases the views' hold on the shared layers (the full model keeps its own). */
  dispose(): void;
}

/**
 * Views of a hard-sharing model on either side of the shared representation, reusing its layers
 * (and so its weights). MMoE has no single representation (each task mixes the experts its own
 * way), so it gets null.
 */
export function splitAtRepresentation(model: tf.LayersModel, spec: ModelSpec): SplitModel | null {
  if (spec.sharing.mode !== 'hard') return null;
  const sharedShape = inferShapes(spec).sharedShape;
  if (!sharedShape) return null;
  const last = spec.encoder.length - 1;
  const encoderModel =
    last < 0
      ? null
      : tf.model({
          inputs: model.inputs,
          outputs: model.getLayer(encoderLayerName(last, spec.encoder[last]!))
            .output as tf.SymbolicTensor,
        });
  const heads = spec.tasks.map((task) => {
    const h = tf.input({ shape: sharedShape });
    const names = [
      ...task.head.map((l, i) => headLayerName(task.name, i, l)),
      outputLayerName(task.name),
    ];
    const out = names.reduce((t, name) => model.getLayer(name).apply(t) as tf.SymbolicTensor, h);
    return tf.model({ inputs: h, outputs: out });
  });
  return {
    trace: traceEncoder(model, spec),
    encoder: (x, training) =>
      encoderModel ? (encoderModel.apply(x, { training }) as tf.Tensor) : x,
    heads: heads.map(
      (head) => (input: tf.Tensor, training: boolean) =>
        head.apply(input, { training }) as tf.Tensor,
    ),
    // tf.js counts a reference per symbolic call of a layer: the head views called the head
    // layers again (one more reference each) and must give it back, or those weights outlive the
    // model. The encoder view called nothing new, so disposing it would free the model's layers.
    dispose: () => heads.forEach((head) => head.dispose()),
  };
}
