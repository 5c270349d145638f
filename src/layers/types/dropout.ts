import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { pyName } from '../python';
import { num } from '../savedSchema';
import { ok } from '../shape';

export const dropout = defineLayer(
  v.strictObject({ type: v.literal('dropout'), rate: num(0, 1) }),
  {
    type: 'dropout',
    label: 'Dropout',
    defaults: { rate: 0.2 },
    fields: [
      {
        kind: 'number',
        key: 'rate',
        label: 'Dropout rate',
        min: 0,
        max: 1,
        maxExcluded: true,
        step: 0.05,
      },
    ],
    result: (_, input) => ok(input),
    build: (layer, { tf, name, nextSeed }) =>
      tf.layers.dropout({ name, rate: layer.rate, seed: nextSeed() }),
    python: (layer, { name }) => `layers.Dropout(${layer.rate}, ${pyName(name)})`,
    describe: (layer) => `Dropout ${layer.rate}`,
  },
);
