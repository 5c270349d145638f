import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { pyName } from '../python';
import { last, ok } from '../shape';

/** Batch normalization: a learned scale and shift, plus a running mean and variance. */
export const batchNorm = defineLayer(v.strictObject({ type: v.literal('batchNorm') }), {
  type: 'batchNorm',
  label: 'BatchNormalization',
  defaults: {},
  fields: [],
  normalizes: true,
  result: (_, input) => ok(input, 2 * last(input), 2 * last(input)),
  build: (_, { tf, name }) => tf.layers.batchNormalization({ name }),
  python: (_, { name }) => `layers.BatchNormalization(${pyName(name)})`,
});

/** Layer normalization: a learned scale and shift over the last axis. */
export const layerNorm = defineLayer(v.strictObject({ type: v.literal('layerNorm') }), {
  type: 'layerNorm',
  label: 'LayerNormalization',
  defaults: {},
  fields: [],
  normalizes: true,
  result: (_, input) => ok(input, 2 * last(input)),
  build: (_, { tf, name }) => tf.layers.layerNormalization({ name }),
  python: (_, { name }) => `layers.LayerNormalization(${pyName(name)})`,
});
