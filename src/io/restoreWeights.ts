import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../spec/types';
import { exportedSpec } from './exportedSpec';
import { loadExportedModel, type ExportedModel } from './exportModel';

/**
 * Copies the weights of a saved model into a model built from the same design. Refuses a file
 * made for another design (its weights would not fit, or fit by accident and mean nothing).
 */
export async function restoreWeights(
  model: tf.LayersModel,
  spec: ModelSpec,
  saved: ExportedModel,
): Promise<void> {
  const savedSpec = exportedSpec(saved.modelJson);
  if (!savedSpec || JSON.stringify(savedSpec) !== JSON.stringify(spec))
    throw new Error('The saved weights belong to another design than this run');
  const loaded = await loadExportedModel(saved);
  try {
    const weights = loaded.getWeights();
    if (weights.length !== model.getWeights().length)
      throw new Error('The saved weights do not fit this model');
    model.setWeights(weights);
  } finally {
    loaded.dispose();
  }
}
