import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { LAYER_LIMITS, SAVED } from '../limits';
import { pyName } from '../python';
import { int } from '../savedSchema';
import { window2d } from './window2d';

/** A 2-D pooling layer: the max or the average of each window, strides defaulting to the pool. */
function pooling<T extends 'maxPool2d' | 'avgPool2d'>(
  type: T,
  label: string,
  tfName: 'maxPooling2d' | 'averagePooling2d',
) {
  return defineLayer(
    v.strictObject({
      type: v.literal(type),
      poolSize: int(0, SAVED.window),
      strides: int(0, SAVED.window),
    }),
    {
      type,
      label,
      defaults: { poolSize: 2, strides: 2 },
      fields: [
        {
          kind: 'int',
          key: 'poolSize',
          label: 'Pool size',
          noun: 'as pool size',
          min: 1,
          max: LAYER_LIMITS.maxKernel,
        },
        {
          kind: 'int',
          key: 'strides',
          label: 'Strides',
          noun: 'as strides',
          min: 1,
          max: LAYER_LIMITS.maxKernel,
        },
      ],
      result: (layer, input) =>
        window2d(label, input, layer.poolSize, layer.strides, 'valid', input[2] ?? 0),
      build: (layer, { tf, name }) =>
        tf.layers[tfName]({ name, poolSize: layer.poolSize, strides: layer.strides }),
      python: (layer, { name }) =>
        `layers.${label}(${layer.poolSize}, strides=${layer.strides}, ${pyName(name)})`,
      describe: (layer) =>
        `${label} ${layer.poolSize}${layer.strides !== layer.poolSize ? ` /${layer.strides}` : ''}`,
    },
  );
}

export const maxPool2d = pooling('maxPool2d', 'MaxPooling2D', 'maxPooling2d');
export const avgPool2d = pooling('avgPool2d', 'AveragePooling2D', 'averagePooling2d');
