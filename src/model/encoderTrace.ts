import * as tf from '@tensorflow/tfjs';
import { encoderLayerName } from '../spec/naming';
import type { Activation, ModelSpec } from '../spec/types';

/**
 * The encoder's backward pass written out, for encoders whose every layer can be differentiated
 * from what its forward pass produced: flatten, and dense with linear, relu, tanh or sigmoid.
 *
 * Why: MGDA-UB needs a vector–Jacobian product through the encoder with a direction it can only
 * know after reading back the task gradients at the representation. tf.js keeps no tape across
 * that wait, so its `gradients()` would run the encoder's forward pass a second time — a third
 * of an Equal step on a wide MLP. With the activations of the first forward kept (`forward`),
 * `backward` needs no forward pass at all.
 */
export interface EncoderTrace {
  /** The representation h, and every layer's input (the trace `backward` needs; caller disposes). */
  forward(x: tf.Tensor): { h: tf.Tensor; inputs: tf.Tensor[] };
  /** ∂⟨h, dy⟩/∂θ for every encoder variable, by variable name, from a forward's `inputs` and h. */
  backward(inputs: tf.Tensor[], h: tf.Tensor, dy: tf.Tensor): tf.NamedTensorMap;
}

/** The activation's derivative from its output y alone (null: 1, nothing to multiply). */
const DERIVATIVE_FROM_OUTPUT: Partial<Record<Activation, (y: tf.Tensor) => tf.Tensor | null>> = {
  linear: () => null,
  relu: (y) => tf.step(y), // y > 0 exactly where the input was > 0
  tanh: (y) => tf.sub(1, tf.square(y)),
  sigmoid: (y) => tf.mul(y, tf.sub(1, y)),
};

type TracedLayer =
  | { kind: 'flatten'; layer: tf.layers.Layer }
  | {
      kind: 'dense';
      layer: tf.layers.Layer;
      kernel: tf.Variable;
      bias: tf.Variable;
      derivative: (y: tf.Tensor) => tf.Tensor | null;
    };

/**
 * The trace of a hard-sharing encoder, or null when some layer's backward needs more than its
 * output (dropout's mask, normalization statistics, convolutions, other activations) or a dense
 * layer sees more than a flat vector per example: those keep tf.js's own gradients.
 */
export function traceEncoder(model: tf.LayersModel, spec: ModelSpec): EncoderTrace | null {
  if (spec.sharing.mode !== 'hard' || spec.encoder.length === 0) return null;
  let flat = spec.input.kind === 'features';
  const layers: TracedLayer[] = [];
  for (const [i, layerSpec] of spec.encoder.entries()) {
    const layer = model.getLayer(encoderLayerName(i, layerSpec));
    if (layerSpec.type === 'flatten') {
      flat = true;
      layers.push({ kind: 'flatten', layer });
      continue;
    }
    const derivative =
      layerSpec.type === 'dense' ? DERIVATIVE_FROM_OUTPUT[layerSpec.activation] : null;
    const weights = layer.trainableWeights.map((w) => w.read() as tf.Variable);
    if (!derivative || !flat || weights.length !== 2) return null;
    layers.push({ kind: 'dense', layer, kernel: weights[0]!, bias: weights[1]!, derivative });
  }
  // No gradient is needed below the first layer with weights: the data has none.
  const firstDense = layers.findIndex((s) => s.kind === 'dense');
  if (firstDense < 0) return null;

  return {
    forward: (x) =>
      tf.tidy(() => {
        const inputs: tf.Tensor[] = [];
        let h = x;
        for (const traced of layers) {
          inputs.push(h);
          h = traced.layer.apply(h) as tf.Tensor;
        }
        // The caller disposes `inputs`, and x is not its to dispose: x goes in as a copy.
        return { h, inputs: inputs.map((t) => (t === x ? tf.clone(t) : t)) };
      }),
    backward: (inputs, h, dy) =>
      tf.tidy(() => {
        const grads: tf.NamedTensorMap = {};
        let upstream = dy;
        for (let j = layers.length - 1; j >= firstDense; j--) {
          const traced = layers[j]!;
          const input = inputs[j]!;
          const output = j === layers.length - 1 ? h : inputs[j + 1]!;
          if (traced.kind === 'flatten') {
            upstream = tf.reshape(upstream, input.shape);
            continue;
          }
          const local = traced.derivative(output);
          const dz = local ? tf.mul(upstream, local) : upstream;
          grads[traced.kernel.name] = tf.matMul(input, dz, true, false);
          grads[traced.bias.name] = tf.sum(dz, 0);
          if (j > firstDense) upstream = tf.matMul(dz, traced.kernel, false, true);
        }
        return grads;
      }),
  };
}
