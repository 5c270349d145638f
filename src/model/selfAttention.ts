import * as tf from '@tensorflow/tfjs';

/** Constructor arguments of {@link SelfAttention}. */
export interface SelfAttentionArgs {
  name?: string;
  heads: number;
  keyDim: number;
  seed?: number;
}

const EPSILON = 1e-5;

/**
 * Multi-head scaled dot-product self-attention over the sequence axis, followed by a residual
 * connection and layer normalization (post-norm, as in the original Transformer):
 *   y = LayerNorm(x + (softmax(QKᵀ/√k) V) W_o),  Q, K, V = x W_{q,k,v} per head.
 * Written with matMul / softmax / transpose only, which have gradients on every backend
 * (tf.js has no gradient for einsum), and registered so saved models load back.
 */
export class SelfAttention extends tf.layers.Layer {
  static readonly className = 'SelfAttention';
  private readonly heads: number;
  private readonly keyDim: number;
  private readonly seed: number | undefined;
  private weightsByName: Record<string, tf.LayerVariable> = {};

  constructor(args: SelfAttentionArgs) {
    super({ name: args.name });
    this.heads = args.heads;
    this.keyDim = args.keyDim;
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const d = shape[shape.length - 1]!;
    const hk = this.heads * this.keyDim;
    let offset = 0;
    const kernel = (name: string, rows: number, cols: number) => {
      const seed = this.seed === undefined ? undefined : this.seed + offset++;
      this.weightsByName[name] = this.addWeight(
        name,
        [rows, cols],
        'float32',
        tf.initializers.glorotUniform({ seed }),
      );
    };
    const vector = (name: string, size: number, init: ReturnType<typeof tf.initializers.zeros>) => {
      this.weightsByName[name] = this.addWeight(name, [size], 'float32', init);
    };
    for (const p of ['query', 'key', 'value']) {
      kernel(`${p}_kernel`, d, hk);
      vector(`${p}_bias`, hk, tf.initializers.zeros());
    }
    kernel('output_kernel', hk, d);
    vector('output_bias', d, tf.initializers.zeros());
    vector('gamma', d, tf.initializers.ones());
    vector('beta', d, tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  /** Each head's attention probabilities softmax(QKᵀ/√k), [batch, heads, steps, steps], and V. */
  private attend(x: tf.Tensor3D): { probabilities: tf.Tensor4D; v: tf.Tensor4D } {
    const [batch, steps, d] = x.shape;
    const w = (name: string): tf.Tensor => this.weightsByName[name]!.read();
    const flat = tf.reshape(x, [batch * steps, d]);
    // [batch·steps, d] → [batch, heads, steps, keyDim]
    const project = (p: string): tf.Tensor4D =>
      tf.transpose(
        tf.reshape(tf.add(tf.matMul(flat, w(`${p}_kernel`) as tf.Tensor2D), w(`${p}_bias`)), [
          batch,
          steps,
          this.heads,
          this.keyDim,
        ]),
        [0, 2, 1, 3],
      );
    const q = project('query');
    const k = project('key');
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(this.keyDim));
    return { probabilities: tf.softmax(scores) as tf.Tensor4D, v: project('value') };
  }

  /** Where each position looks, per head, for inputs `x` of this layer (the Attention view). */
  attentionMaps(x: tf.Tensor3D): tf.Tensor4D {
    return tf.tidy(() => this.attend(x).probabilities);
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [batch, steps, d] = x.shape;
      const w = (name: string): tf.Tensor => this.weightsByName[name]!.read();
      const { probabilities, v } = this.attend(x);
      const context = tf.matMul(probabilities, v); // [batch, heads, steps, keyDim]
      const merged = tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [
        batch * steps,
        this.heads * this.keyDim,
      ]);
      const attended = tf.reshape(
        tf.add(tf.matMul(merged, w('output_kernel') as tf.Tensor2D), w('output_bias')),
        [batch, steps, d],
      );
      const residual = tf.add(x, attended);
      const { mean, variance } = tf.moments(residual, -1, true);
      const normed = tf.div(tf.sub(residual, mean), tf.sqrt(tf.add(variance, EPSILON)));
      return tf.add(tf.mul(normed, w('gamma')), w('beta'));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = {
      ...super.getConfig(),
      heads: this.heads,
      keyDim: this.keyDim,
    };
    if (this.seed !== undefined) config.seed = this.seed;
    return config;
  }
}

tf.serialization.registerClass(SelfAttention);
