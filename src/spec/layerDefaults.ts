import type { LayerSpec, LayerType } from './types';

/** Every layer type in menu order. */
export const LAYER_TYPES: readonly LayerType[] = [
  'dense',
  'dropout',
  'batchNorm',
  'layerNorm',
  'conv2d',
  'maxPool2d',
  'avgPool2d',
  'flatten',
  'globalAvgPool',
  'embedding',
  'lstm',
  'gru',
  'selfAttention',
];

/** A fresh layer of a type with Keras-like defaults (pooling strides default to the pool size). */
export function newLayer(type: LayerType): LayerSpec {
  switch (type) {
    case 'dense':
      return { type, units: 16, activation: 'relu', l2: 0 };
    case 'dropout':
      return { type, rate: 0.2 };
    case 'batchNorm':
    case 'layerNorm':
    case 'flatten':
    case 'globalAvgPool':
      return { type };
    case 'conv2d':
      return { type, filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' };
    case 'maxPool2d':
    case 'avgPool2d':
      return { type, poolSize: 2, strides: 2 };
    case 'embedding':
      return { type, outputDim: 16 };
    case 'lstm':
    case 'gru':
      return { type, units: 16, returnSequences: false };
    case 'selfAttention':
      return { type, heads: 2, keyDim: 8 };
  }
}
