import * as tf from '@tensorflow/tfjs';

/** Constructor arguments of {@link CrossStitch}. */
export interface CrossStitchArgs {
  name?: string;
}

/** The starting sharing matrix: mostly a column's own features (0.9), the rest spread evenly. */
export function initialStitch(columns: number): number[][] {
  return Array.from({ length: columns }, (_, t) =>
    Array.from({ length: columns }, (_, s) => (t === s ? 0.9 : 0.1 / (columns - 1))),
  );
}

/**
 * A cross-stitch unit (Misra et al., CVPR 2016): T task columns in, T out, each output a learned
 * linear combination of all inputs, y_t = Σ_s α_ts x_s, with α a T×T matrix of weights.
 */
export class CrossStitch extends tf.layers.Layer {
  static readonly className = 'CrossStitch';
  private alpha: tf.LayerVariable | null = null;

  constructor(args: CrossStitchArgs) {
    super({ name: args.name });
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const columns = (inputShape as tf.Shape[]).length;
    this.alpha = this.addWeight('alpha', [columns, columns], 'float32', tf.initializers.zeros());
    this.alpha.write(tf.tensor2d(initialStitch(columns)));
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape[] {
    return inputShape as tf.Shape[];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
    return tf.tidy(() => {
      const xs = inputs as tf.Tensor[];
      const alpha = this.alpha!.read();
      return xs.map((_, t) =>
        tf.addN(xs.map((x, s) => tf.mul(x, tf.reshape(tf.slice(alpha, [t, s], [1, 1]), [])))),
      );
    });
  }
}

tf.serialization.registerClass(CrossStitch);
