import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { pyName } from '../python';
import { fail, formatShape, last, ok } from '../shape';

/** Flatten: an image or a sequence as one vector. */
export const flatten = defineLayer(v.strictObject({ type: v.literal('flatten') }), {
  type: 'flatten',
  label: 'Flatten',
  defaults: {},
  fields: [],
  result: (_, input) =>
    // tf.js refuses to flatten what is already flat.
    input.length < 2
      ? fail(
          `Flatten needs an image or a sequence; this input is already flat ${formatShape(input)}`,
        )
      : ok([input.reduce((a, b) => a * b, 1)]),
  build: (_, { tf, name }) => tf.layers.flatten({ name }),
  python: (_, { name }) => `layers.Flatten(${pyName(name)})`,
});

/** The mean over the sequence steps or the image pixels, one value per feature or channel. */
export const globalAvgPool = defineLayer(v.strictObject({ type: v.literal('globalAvgPool') }), {
  type: 'globalAvgPool',
  label: 'GlobalAveragePooling',
  defaults: {},
  fields: [],
  result: (_, input) =>
    input.length < 2 || input.length > 3
      ? fail(
          `GlobalAveragePooling needs a sequence [steps, features] or an image [h, w, c]; this input is ${formatShape(input)}`,
        )
      : ok([last(input)]),
  build: (_, { tf, name, inputRank }) =>
    inputRank === 3
      ? tf.layers.globalAveragePooling2d({ name })
      : tf.layers.globalAveragePooling1d({ name }),
  python: (_, { name, inputRank }) =>
    `layers.GlobalAveragePooling${inputRank === 3 ? '2D' : '1D'}(${pyName(name)})`,
});
