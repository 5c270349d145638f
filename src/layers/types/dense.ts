import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { ACTIVATIONS, LAYER_LIMITS, SAVED } from '../limits';
import { py, pyName } from '../python';
import { int, num } from '../savedSchema';
import { fail, last, ok } from '../shape';
import { formatShape } from '../shape';

export const dense = defineLayer(
  v.strictObject({
    type: v.literal('dense'),
    units: int(0, SAVED.big),
    activation: v.picklist(ACTIVATIONS),
    l2: num(0, 1),
  }),
  {
    type: 'dense',
    label: 'Dense',
    defaults: { units: 16, activation: 'relu', l2: 0 },
    fields: [
      {
        kind: 'int',
        key: 'units',
        label: 'Units',
        noun: 'units',
        min: 1,
        max: LAYER_LIMITS.maxUnits,
      },
      { kind: 'choice', key: 'activation', label: 'Activation', options: ACTIVATIONS },
      { kind: 'number', key: 'l2', label: 'L2', min: 0, max: 1, step: 0.001 },
    ],
    result: (layer, input) =>
      input.length > 2
        ? fail(
            `Dense needs [features] or [steps, features]; this input is ${formatShape(input)}: add Flatten or GlobalAveragePooling before it`,
          )
        : ok([...input.slice(0, -1), layer.units], last(input) * layer.units + layer.units),
    build: (layer, { tf, name, nextSeed }) =>
      tf.layers.dense({
        name,
        units: layer.units,
        activation: layer.activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
        // Kept in the model so exports carry it; the Trainer adds the penalty itself (custom loop).
        ...(layer.l2 > 0 ? { kernelRegularizer: tf.regularizers.l2({ l2: layer.l2 }) } : {}),
      }),
    python: (layer, { name }) =>
      `layers.Dense(${layer.units}, activation=${py(layer.activation)}${layer.l2 > 0 ? `, kernel_regularizer=regularizers.l2(${layer.l2})` : ''}, ${pyName(name)})`,
    describe: (layer) =>
      `Dense ${layer.units} · ${layer.activation}${layer.l2 > 0 ? ` · L2 ${layer.l2}` : ''}`,
    kernelL2: (layer) => layer.l2,
  },
);
