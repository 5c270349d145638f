import { sharingMode } from '../spec/sharing';
import * as tf from '@tensorflow/tfjs';
import { encoderLayerName, headLayerName, outputLayerName } from '../spec/naming';
import { inferShapes } from '../spec/shapes';
import type { ModelSpec } from '../spec/types';
import { traceEncoder } from './encoderTrace';

/** One forward pass of the encoder: h, and what `encoderVjp` needs of it (the caller disposes both). */
export interface Encoded {
  h: tf.Tensor;
  saved: tf.Tensor[];
}

/** The model cut at the shared representation h: x → h, and one h → output per task. */
export interface SplitModel {
  encoder(x: tf.Tensor, training: boolean): tf.Tensor;
  /** The encoder in training mode, keeping what a product through it will need. */
  encode(x: tf.Tensor): Encoded;
  /**
   * ∂⟨h, dy⟩/∂θ for `variables` (the encoder's, in their order), dy shaped as h: from the
   * activations `encode` saved where the encoder is traced (encoderTrace.ts), else by tf.js
   * running the encoder again under its tape.
   */
  encoderVjp(x: tf.Tensor, encoded: Encoded, dy: tf.Tensor, variables: tf.Variable[]): tf.Tensor[];
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
  if (!sharingMode(spec.sharing).singleRepresentation) return null;
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
  const encoder = (x: tf.Tensor, training: boolean) =>
    encoderModel ? (encoderModel.apply(x, { training }) as tf.Tensor) : x;
  const trace = traceEncoder(model, spec);
  return {
    encoder,
    encode: (x) => {
      if (!trace) return { h: tf.tidy(() => encoder(x, true)), saved: [] };
      const { h, inputs } = trace.forward(x);
      return { h, saved: inputs };
    },
    encoderVjp: (x, { h, saved }, dy, variables) => {
      if (trace) {
        const byName = trace.backward(saved, h, dy);
        return variables.map((v) => byName[v.name] ?? tf.zerosLike(v));
      }
      const { value, grads } = tf.engine().gradients(() => encoder(x, true), variables, dy, true);
      value.dispose();
      return grads.map((g, i) => g ?? tf.zerosLike(variables[i]!));
    },
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
