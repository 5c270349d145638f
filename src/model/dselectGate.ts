import * as tf from '@tensorflow/tfjs';
import { codeBits } from '../spec/sharing/mixture';

/** Constructor arguments of {@link DSelectGate}. */
export interface DSelectGateArgs {
  name?: string;
  experts: number;
  selectors: number;
  gamma: number;
  seed?: number;
}

/**
 * DSelect-k's gate (Hazimeh et al., NeurIPS 2021): k selectors each pick one of E experts through
 * m = ⌈log₂E⌉ smooth binary digits, and softmax weights mix the k picks, all from the input:
 *   z = xW_z + b_z ∈ ℝ^{k×m},  s = S_γ(z),  r_{k,e} = Π_j (bit_j(e) ? s_{k,j} : 1 − s_{k,j}),
 *   w = softmax(xW_w + b_w) ∈ ℝ^k,  gate_e = Σ_k w_k r_{k,e},
 * with S_γ the cubic smooth step that is 0 below −γ/2 and 1 above γ/2. When E is not a power of
 * two, r_k is renormalized over the E codes that exist (the paper penalizes the rest instead).
 */
export class DSelectGate extends tf.layers.Layer {
  static readonly className = 'DSelectGate';
  private readonly experts: number;
  private readonly selectors: number;
  private readonly gamma: number;
  private readonly seed: number | undefined;
  private readonly bits: number;
  private weightsByName: Record<string, tf.LayerVariable> = {};

  constructor(args: DSelectGateArgs) {
    super({ name: args.name });
    this.experts = args.experts;
    this.selectors = args.selectors;
    this.gamma = args.gamma;
    this.seed = args.seed;
    this.bits = codeBits(args.experts);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const n = shape[shape.length - 1]!;
    const codes = this.selectors * this.bits;
    let offset = 0;
    const weight = (name: string, dims: number[], bound: number) => {
      const seed = this.seed === undefined ? undefined : this.seed + offset++;
      this.weightsByName[name] = this.addWeight(
        name,
        dims,
        'float32',
        tf.initializers.randomUniform({ minval: -bound, maxval: bound, seed }),
      );
    };
    // Selector logits start near 0 (every code equally likely), as the paper initializes them.
    weight('selector_kernel', [n, codes], this.gamma / 100);
    weight('selector_bias', [codes], this.gamma / 100);
    weight('weight_kernel', [n, this.selectors], 0.05);
    weight('weight_bias', [this.selectors], 0.05);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0]!, this.experts];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor2D;
      const w = (name: string) => this.weightsByName[name]!.read() as tf.Tensor2D;
      const batch = x.shape[0];
      const half = this.gamma / 2;
      const z = tf.clipByValue(
        tf.reshape(tf.add(tf.matMul(x, w('selector_kernel')), w('selector_bias')), [
          batch,
          this.selectors,
          this.bits,
        ]),
        -half,
        half,
      );
      const step = tf.add(
        tf.add(tf.mul(tf.pow(z, 3), -2 / this.gamma ** 3), tf.mul(z, 3 / (2 * this.gamma))),
        0.5,
      );
      // r[b, k, e] = Π_j (bit j of e ? s : 1 − s), most significant bit first.
      let picks: tf.Tensor = tf.ones([batch, this.selectors, this.experts]);
      for (let j = 0; j < this.bits; j++) {
        const bit = tf.tensor(
          Array.from({ length: this.experts }, (_, e) => (e >> (this.bits - 1 - j)) & 1),
          [1, 1, this.experts],
        );
        const s = tf.slice(step, [0, 0, j], [batch, this.selectors, 1]);
        picks = tf.mul(picks, tf.add(tf.mul(bit, s), tf.mul(tf.sub(1, bit), tf.sub(1, s))));
      }
      picks = tf.div(picks, tf.add(tf.sum(picks, -1, true), 1e-7));
      const mix = tf.softmax(tf.add(tf.matMul(x, w('weight_kernel')), w('weight_bias')));
      return tf.sum(tf.mul(tf.expandDims(mix, 2), picks), 1);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = {
      ...super.getConfig(),
      experts: this.experts,
      selectors: this.selectors,
      gamma: this.gamma,
    };
    if (this.seed !== undefined) config.seed = this.seed;
    return config;
  }
}

tf.serialization.registerClass(DSelectGate);
