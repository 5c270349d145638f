/** A tensor shape without the batch axis. */
export type Shape = number[];

/** What one layer makes of its input: output shape and weight counts, or why it cannot apply. */
export type LayerResult =
  { shape: Shape; params: number; nonTrainable: number } | { error: string };

/** `[4, 4, 8]` as people write shapes. */
export const formatShape = (shape: Shape): string => `[${shape.join(', ')}]`;

export const ok = (shape: Shape, params = 0, nonTrainable = 0): LayerResult => ({
  shape,
  params,
  nonTrainable,
});

export const fail = (error: string): LayerResult => ({ error });

/** The size of the last axis: features, channels or units. */
export const last = (shape: Shape): number => shape[shape.length - 1]!;
