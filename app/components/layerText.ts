import { LAYER_LABELS } from '../../src/spec/layerShapes';
import type { LayerSpec } from '../../src/spec/types';

/** A layer in a few words, as its diagram block shows it. */
export function describeLayer(layer: LayerSpec): string {
  const label = LAYER_LABELS[layer.type];
  switch (layer.type) {
    case 'dense':
      return `${label} ${layer.units} · ${layer.activation}${layer.l2 > 0 ? ` · L2 ${layer.l2}` : ''}`;
    case 'dropout':
      return `${label} ${layer.rate}`;
    case 'conv2d':
      return `${label} ${layer.filters} · ${layer.kernelSize}×${layer.kernelSize}${layer.strides > 1 ? ` /${layer.strides}` : ''} ${layer.padding} · ${layer.activation}`;
    case 'maxPool2d':
    case 'avgPool2d':
      return `${label} ${layer.poolSize}${layer.strides !== layer.poolSize ? ` /${layer.strides}` : ''}`;
    case 'embedding':
      return `${label} ${layer.outputDim}`;
    case 'lstm':
    case 'gru':
      return `${label} ${layer.units}${layer.returnSequences ? ' · sequences' : ''}`;
    case 'selfAttention':
      return `${label} ${layer.heads} heads × ${layer.keyDim}`;
    default:
      return label;
  }
}
