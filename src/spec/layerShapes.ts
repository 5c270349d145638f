import type { LayerSpec } from './types';

/** A tensor shape without the batch axis. */
export type Shape = number[];

/** What one layer makes of its input: output shape and weight counts, or why it cannot apply. */
export type LayerResult =
  { shape: Shape; params: number; nonTrainable: number } | { error: string };

/** Human names of the layer types, as the UI and messages say them. */
export const LAYER_LABELS: Record<LayerSpec['type'], string> = {
  dense: 'Dense',
  dropout: 'Dropout',
  batchNorm: 'BatchNormalization',
  layerNorm: 'LayerNormalization',
  conv2d: 'Conv2D',
  maxPool2d: 'MaxPooling2D',
  avgPool2d: 'AveragePooling2D',
  flatten: 'Flatten',
  globalAvgPool: 'GlobalAveragePooling',
  embedding: 'Embedding',
  lstm: 'LSTM',
  gru: 'GRU',
  selfAttention: 'SelfAttention',
};

/** `[4, 4, 8]` as people write shapes. */
export const formatShape = (shape: Shape): string => `[${shape.join(', ')}]`;

const ok = (shape: Shape, params = 0, nonTrainable = 0): LayerResult => ({
  shape,
  params,
  nonTrainable,
});
const fail = (error: string): LayerResult => ({ error });
const last = (shape: Shape): number => shape[shape.length - 1]!;

function spatial(size: number, window: number, strides: number, padding: 'same' | 'valid'): number {
  return padding === 'same' ? Math.ceil(size / strides) : Math.floor((size - window) / strides) + 1;
}

/** The image-shaped output of a 2-D window (conv or pool), or why the window does not fit. */
function window2d(
  label: string,
  input: Shape,
  window: number,
  strides: number,
  padding: 'same' | 'valid',
  channels: number,
): LayerResult {
  if (input.length !== 3)
    return fail(`${label} needs an image input [h, w, c]; this input is ${formatShape(input)}`);
  const [h, w] = input as [number, number, number];
  const oh = spatial(h, window, strides, padding);
  const ow = spatial(w, window, strides, padding);
  if (oh < 1 || ow < 1) {
    return fail(
      `${label} window ${window} does not fit its ${h}×${w} input (use a smaller window or padding 'same')`,
    );
  }
  return ok([oh, ow, channels]);
}

/**
 * Output shape and parameter counts of one layer, exactly as tf.js builds it; `tokens` says the
 * input is still raw token ids, which only an Embedding can read.
 */
export function layerResult(
  layer: LayerSpec,
  input: Shape,
  tokens: boolean,
  vocabSize: number,
): LayerResult {
  const label = LAYER_LABELS[layer.type];
  if (tokens && layer.type !== 'embedding') {
    return fail(
      `Token input ${formatShape(input)} needs an Embedding first: it turns token ids into vectors (${label} cannot read ids)`,
    );
  }
  switch (layer.type) {
    case 'dense':
      if (input.length > 2) {
        return fail(
          `Dense needs [features] or [steps, features]; this input is ${formatShape(input)}: add Flatten or GlobalAveragePooling before it`,
        );
      }
      return ok([...input.slice(0, -1), layer.units], last(input) * layer.units + layer.units);
    case 'dropout':
      return ok(input);
    case 'batchNorm':
      return ok(input, 2 * last(input), 2 * last(input));
    case 'layerNorm':
      return ok(input, 2 * last(input));
    case 'conv2d': {
      const r = window2d(
        label,
        input,
        layer.kernelSize,
        layer.strides,
        layer.padding,
        layer.filters,
      );
      if ('error' in r) return r;
      const c = input[2]!;
      return ok(r.shape, layer.kernelSize * layer.kernelSize * c * layer.filters + layer.filters);
    }
    case 'maxPool2d':
    case 'avgPool2d':
      return window2d(label, input, layer.poolSize, layer.strides, 'valid', input[2] ?? 0);
    case 'flatten':
      // tf.js refuses to flatten what is already flat.
      if (input.length < 2)
        return fail(
          `Flatten needs an image or a sequence; this input is already flat ${formatShape(input)}`,
        );
      return ok([input.reduce((a, b) => a * b, 1)]);
    case 'globalAvgPool':
      if (input.length < 2 || input.length > 3) {
        return fail(
          `GlobalAveragePooling needs a sequence [steps, features] or an image [h, w, c]; this input is ${formatShape(input)}`,
        );
      }
      return ok([last(input)]);
    case 'embedding':
      if (!tokens)
        return fail(
          `Embedding reads token ids, so it must come first on a token input; this input is ${formatShape(input)}`,
        );
      return ok([input[0]!, layer.outputDim], vocabSize * layer.outputDim);
    case 'lstm':
    case 'gru': {
      if (input.length !== 2)
        return fail(
          `${label} needs a sequence [steps, features]; this input is ${formatShape(input)}`,
        );
      const gates = layer.type === 'lstm' ? 4 : 3;
      const u = layer.units;
      return ok(layer.returnSequences ? [input[0]!, u] : [u], gates * (u * (last(input) + u) + u));
    }
    case 'selfAttention': {
      if (input.length !== 2)
        return fail(
          `SelfAttention needs a sequence [steps, features]; this input is ${formatShape(input)}`,
        );
      const d = last(input);
      const hk = layer.heads * layer.keyDim;
      // Q, K, V projections with bias, output projection with bias, layer-norm gamma and beta.
      return ok(input, 3 * (d * hk + hk) + (hk * d + d) + 2 * d);
    }
    default: {
      const never: never = layer;
      return fail(`Unknown layer ${JSON.stringify(never)}`);
    }
  }
}
