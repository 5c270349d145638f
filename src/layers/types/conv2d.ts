import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { ACTIVATIONS, LAYER_LIMITS, SAVED } from '../limits';
import { py, pyName } from '../python';
import { int } from '../savedSchema';
import { ok } from '../shape';
import { window2d } from './window2d';

const PADDINGS = ['same', 'valid'] as const;

export const conv2d = defineLayer(
  v.strictObject({
    type: v.literal('conv2d'),
    filters: int(0, SAVED.big),
    kernelSize: int(0, SAVED.window),
    strides: int(0, SAVED.window),
    padding: v.picklist(PADDINGS),
    activation: v.picklist(ACTIVATIONS),
  }),
  {
    type: 'conv2d',
    label: 'Conv2D',
    defaults: { filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    fields: [
      {
        kind: 'int',
        key: 'filters',
        label: 'Filters',
        noun: 'filters',
        min: 1,
        max: LAYER_LIMITS.maxUnits,
      },
      {
        kind: 'int',
        key: 'kernelSize',
        label: 'Kernel size',
        noun: 'as kernel size',
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
      { kind: 'choice', key: 'padding', label: 'Padding', options: PADDINGS },
      { kind: 'choice', key: 'activation', label: 'Activation', options: ACTIVATIONS },
    ],
    result: (layer, input) => {
      const r = window2d(
        'Conv2D',
        input,
        layer.kernelSize,
        layer.strides,
        layer.padding,
        layer.filters,
      );
      if ('error' in r) return r;
      const weights = layer.kernelSize * layer.kernelSize * input[2]! * layer.filters;
      return ok(r.shape, weights + layer.filters);
    },
    build: (layer, { tf, name, nextSeed }) =>
      tf.layers.conv2d({
        name,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
        kernelInitializer: tf.initializers.glorotUniform({ seed: nextSeed() }),
      }),
    python: (layer, { name }) =>
      `layers.Conv2D(${layer.filters}, ${layer.kernelSize}, strides=${layer.strides}, padding=${py(layer.padding)}, activation=${py(layer.activation)}, ${pyName(name)})`,
    describe: (layer) =>
      `Conv2D ${layer.filters} · ${layer.kernelSize}×${layer.kernelSize}${layer.strides > 1 ? ` /${layer.strides}` : ''} ${layer.padding} · ${layer.activation}`,
  },
);
