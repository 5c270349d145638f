import * as tf from '@tensorflow/tfjs';
import { predictTasks } from '../../model/buildModel';

/** Sub-models reading named layers of a model, kept per model: they share its layers and weights. */
const probes = new WeakMap<tf.LayersModel, Map<string, tf.LayersModel>>();

/**
 * The outputs (or, with `inputs`, the inputs) of named layers of a built model for `x`, in
 * inference mode, one tensor per name (caller disposes). Each layer must be called once in the
 * graph, which holds for gates, masks and heads.
 */
export function layerTensors(
  model: tf.LayersModel,
  names: string[],
  x: tf.Tensor,
  at: 'output' | 'input' = 'output',
): tf.Tensor[] {
  const key = `${at}:${names.join('|')}`;
  let kept = probes.get(model);
  if (!kept) probes.set(model, (kept = new Map()));
  let probe = kept.get(key);
  if (!probe) {
    const outputs = names.map((n) => {
      const layer = model.getLayer(n);
      return (at === 'output' ? layer.getOutputAt(0) : layer.getInputAt(0)) as tf.SymbolicTensor;
    });
    probe = tf.model({ inputs: model.inputs, outputs });
    kept.set(key, probe);
  }
  return predictTasks(probe, x, false);
}
