import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { LAYER_LIMITS, SAVED } from '../limits';
import { pyBool, pyName } from '../python';
import { int } from '../savedSchema';
import { fail, formatShape, last, ok } from '../shape';

/** A recurrent layer over the sequence axis: its last state, or every step's. */
function recurrent<T extends 'lstm' | 'gru'>(type: T, label: string, gates: number, keras: string) {
  return defineLayer(
    v.strictObject({
      type: v.literal(type),
      units: int(0, SAVED.big),
      returnSequences: v.boolean(),
    }),
    {
      type,
      label,
      defaults: { units: 16, returnSequences: false },
      fields: [
        {
          kind: 'int',
          key: 'units',
          label: 'Units',
          noun: 'units',
          min: 1,
          max: LAYER_LIMITS.maxUnits,
        },
        { kind: 'flag', key: 'returnSequences', label: 'Return sequences' },
      ],
      result: (layer, input) => {
        if (input.length !== 2)
          return fail(
            `${label} needs a sequence [steps, features]; this input is ${formatShape(input)}`,
          );
        const u = layer.units;
        const params = gates * (u * (last(input) + u) + u);
        return ok(layer.returnSequences ? [input[0]!, u] : [u], params);
      },
      build: (layer, { tf, name, nextSeed }) =>
        tf.layers[type]({
          name,
          units: layer.units,
          returnSequences: layer.returnSequences,
          kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
          recurrentInitializer: tf.initializers.orthogonal({ seed: nextSeed() }),
        }),
      python: (layer, { name }) =>
        `layers.${label}(${layer.units}, return_sequences=${pyBool(layer.returnSequences)}${keras}, ${pyName(name)})`,
      describe: (layer) => `${label} ${layer.units}${layer.returnSequences ? ' · sequences' : ''}`,
    },
  );
}

export const lstm = recurrent('lstm', 'LSTM', 4, '');
// tf.js's GRU applies the reset gate before the matrix product (Keras 1 style).
export const gru = recurrent('gru', 'GRU', 3, ', reset_after=False');
