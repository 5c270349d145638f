/** Sizes that keep a layer trainable in a browser tab. */
export const LAYER_LIMITS = {
  maxUnits: 4096,
  maxKernel: 15,
  maxHeads: 16,
  maxKeyDim: 512,
} as const;

/** Activation functions offered for Dense and Conv2D layers. */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'elu', 'gelu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** Bounds of the saved form: generous, so odd designs load and the fields' ranges explain them. */
export const SAVED = { big: 1_000_000, window: 64, heads: 64, keyDim: 4096 } as const;
