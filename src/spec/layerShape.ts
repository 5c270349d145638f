import type { Shape } from '../layers/shape';

/** One layer's inferred output shape and weight counts (null shape: an earlier layer failed). */
export interface LayerShape {
  name: string;
  shape: Shape | null;
  /** Trainable weights. */
  params: number;
  /** Weights that are not trained by gradients (BatchNormalization's moving statistics). */
  nonTrainable: number;
}
