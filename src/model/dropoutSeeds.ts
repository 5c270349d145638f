import * as tf from '@tensorflow/tfjs';
import { deriveSeed } from '../data/random';

/**
 * tf.js's Dropout draws its mask from `this.seed` on every call, so a seeded Dropout drops the
 * same units at every step. Re-seeding each Dropout layer per step from (run seed, step, layer)
 * gives fresh masks that are still reproducible. The layer stays a stock Dropout for export.
 */
export function reseedDropout(model: tf.LayersModel, seed: number, step: number): void {
  model.layers.forEach((layer, index) => {
    if (layer.getClassName() === 'Dropout') {
      (layer as unknown as { seed: number }).seed = deriveSeed(deriveSeed(seed, step), index);
    }
  });
}
