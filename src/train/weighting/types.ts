import * as tf from '@tensorflow/tfjs';
import type { StepLosses } from '../records';

/**
 * A strategy that weights the losses: the objective is built on the device in the same single
 * backward pass as plain training, so it costs nothing extra.
 */
export interface LossWeighting {
  family: 'loss';
  /** The objective and the effective weights of this step, built inside the step's tidy. */
  objective(losses: tf.Tensor1D, lambdas: number[]): { total: tf.Scalar; weights: tf.Tensor1D };
  /** Learnable strategy parameters (Uncertainty's sᵢ), stepped with the model. */
  variables: tf.Variable[];
  /** Sees the per-task training losses as they are read back (DWA's windows). */
  observe(steps: StepLosses[]): void;
  /**
   * Given, when present, the per-task losses of the updated model on the step's own batch (one
   * extra forward pass, FAMO's): called inside the step's tidy, after the model moved.
   */
  afterStep?(lossesAfter: tf.Tensor1D): void;
  dispose(): void;
}

/**
 * A strategy that combines per-task gradients g₁…g_T of the shared part into one direction.
 * `representation`: gradients with respect to the shared representation h (one extra backward
 * through the heads per task; "UB" in MGDA-UB); `parameters`: with respect to the shared weights.
 */
interface GradientStrategy {
  family: 'gradient';
  level: 'representation' | 'parameters';
  dispose(): void;
}

/**
 * d = Σ cᵢ·gᵢ with coefficients from the Gram matrix Mᵢⱼ = gᵢ·gⱼ (T×T) and the losses: plain
 * TypeScript on a tiny readback, the same code that drives the optimization-landscape toy.
 */
export interface GramWeighting extends GradientStrategy {
  /**
   * Asks for the products Cᵢⱼ = g¹ᵢ·g²ⱼ of gradients on two more independent batches (double
   * sampling: an unbiased estimate of the Gram matrix, MoDo's and SDMGrad's), passed to `combine`.
   */
  doubleSampling?: true;
  /** Coefficients cᵢ of the shared direction and the scale of each task's own head gradient. */
  combine(
    gram: number[][],
    losses: number[],
    cross?: number[][],
  ): { coefficients: number[]; headScales: number[] };
  direction?: never;
}

/**
 * The direction formed on the device from the [T, P] gradient matrix (coordinate-wise, or keeping
 * gradient averages there): nothing is read back. Returns the direction, the per-task weights the
 * λ readout shows and the scales of the heads' gradients. Called inside the step's tidy.
 */
export interface DeviceWeighting extends GradientStrategy {
  direction(
    matrix: tf.Tensor2D,
    losses: tf.Tensor1D,
  ): { direction: tf.Tensor1D; weights: tf.Tensor1D; headScales: tf.Tensor1D };
  combine?: never;
}

export type GradientWeighting = GramWeighting | DeviceWeighting;

export type Weighting = LossWeighting | GradientWeighting;

/**
 * A gradient strategy without state: coefficients from this step's Gram matrix and losses, every
 * head keeping its own gradient at full scale.
 */
export function coefficientWeighting(
  level: GradientWeighting['level'],
  coefficients: (gram: number[][], losses: number[]) => number[],
): GramWeighting {
  return {
    family: 'gradient',
    level,
    combine: (gram, losses) => ({
      coefficients: coefficients(gram, losses),
      headScales: gram.map(() => 1),
    }),
    dispose: () => undefined,
  };
}

/** T·softmax(z): weights that sum to T. */
export function tSoftmax(z: number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => (z.length * v) / sum);
}

/** x, through which no gradient flows back (PyTorch's `detach`). */
export const stopGradient = tf.customGrad((...inputs) => ({
  value: (inputs[0] as tf.Tensor).clone(),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
})) as <T extends tf.Tensor>(x: T) => T;
