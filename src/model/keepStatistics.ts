import * as tf from '@tensorflow/tfjs';

/**
 * Runs `forward` (a forward pass in training mode) and puts every layer's non-trainable weights
 * back as they were: BatchNorm's running mean and variance move in every training-mode forward,
 * and an extra pass for a strategy's own bookkeeping must not move them a second time.
 */
export function keepingStatistics<T extends tf.TensorContainer>(
  model: tf.LayersModel,
  forward: () => T,
): T {
  const variables = model.layers.flatMap((layer) =>
    layer.nonTrainableWeights.map((w) => w.read() as tf.Variable),
  );
  const saved = variables.map((v) => tf.clone(v));
  try {
    return forward();
  } finally {
    variables.forEach((v, i) => v.assign(saved[i]!));
    tf.dispose(saved);
  }
}
