import * as tf from '@tensorflow/tfjs';
import { BatchSampler } from '../../data/batchSampler';
import { deriveSeed, createRng, shuffledIndices } from '../../data/random';
import type { SequenceSettings } from '../../spec/types';

/**
 * What a sequence keeps of each finished stage so that later stages forget less: for replay,
 * K training examples of its task; for EWC (Kirkpatrick et al. 2017), the weights θ* where the
 * stage ended and the diagonal of the empirical Fisher information there.
 */

/** Examples the empirical Fisher is averaged over, one gradient each. */
export const FISHER_EXAMPLES = 200;

/** An earlier task's EWC anchor: the variables it holds in place, θ* and the Fisher diagonal. */
export interface Anchor {
  variables: tf.Variable[];
  star: tf.Tensor[];
  fisher: tf.Tensor[];
}

/**
 * Diagonal of the empirical Fisher information: the mean over examples of (∂Lₙ/∂θ)², one
 * example's gradient at a time (a mini-batch's gradient, squared, would be the square of a
 * mean, far smaller once the task is learnt).
 */
export function fisherDiagonal(
  variables: tf.Variable[],
  exampleLoss: (n: number) => tf.Scalar,
  count: number,
): tf.Tensor[] {
  let sums: tf.Tensor[] = variables.map((v) => tf.zerosLike(v));
  for (let n = 0; n < count; n++) {
    const next = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => exampleLoss(n), variables);
      return variables.map((v, i) => {
        const g = grads[v.name];
        return g ? tf.add(sums[i]!, tf.square(g)) : tf.clone(sums[i]!);
      });
    });
    tf.dispose(sums);
    sums = next;
  }
  const mean = sums.map((s) => tf.div(s, count));
  tf.dispose(sums);
  return mean;
}

/** (λ/2)·Σ over anchors and their variables of F·(θ − θ*)². */
export function ewcPenalty(anchors: Anchor[], strength: number): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Scalar = tf.scalar(0);
    for (const anchor of anchors)
      anchor.variables.forEach((v, i) => {
        const drift = tf.sub(v, anchor.star[i]!);
        total = tf.add(total, tf.sum(tf.mul(anchor.fisher[i]!, tf.square(drift))));
      });
    return tf.mul(total, strength / 2);
  });
}

/** `count` distinct training examples, seeded by the run and what they are for. */
export function seededExamples(
  trainSize: number,
  count: number,
  seed: number,
  purpose: number,
): Int32Array {
  const order = shuffledIndices(trainSize, createRng(deriveSeed(seed, purpose)));
  return order.slice(0, Math.min(count, trainSize));
}

/** One finished stage's keepsakes. */
interface Kept {
  /** Index of the stage's task in the design. */
  task: number;
  buffer: Int32Array | null;
  sampler: BatchSampler | null;
  anchor: Anchor | null;
}

/** Replay buffers and EWC anchors of the stages finished so far, made as stages end. */
export class Consolidation {
  private readonly kept: Kept[] = [];

  constructor(
    private readonly sequence: SequenceSettings,
    /** Index in the design of each task of the order. */
    readonly taskOf: number[],
    private readonly seed: number,
    private readonly trainSize: number,
  ) {}

  /**
   * Makes the keepsakes of every stage before `stage` not yet kept — at the end of each stage,
   * or all at once where a restored run resumes mid-sequence (then from the weights it resumed with).
   */
  reach(stage: number, anchorOf: (task: number, examples: Int32Array) => Anchor): void {
    const { remedy, replayPerTask } = this.sequence;
    while (this.kept.length < stage) {
      const s = this.kept.length;
      const task = this.taskOf[s]!;
      const buffer =
        remedy === 'replay'
          ? seededExamples(this.trainSize, replayPerTask, this.seed, 2000 + s)
          : null;
      this.kept.push({
        task,
        buffer,
        sampler: buffer && new BatchSampler(buffer.length, deriveSeed(this.seed, 3000 + s)),
        anchor:
          remedy === 'ewc'
            ? anchorOf(task, seededExamples(this.trainSize, FISHER_EXAMPLES, this.seed, 4000 + s))
            : null,
      });
    }
  }

  /** Each earlier task with a batch of its kept examples (training-set indices), for replay. */
  replayBatches(batchSize: number): { task: number; indices: Int32Array }[] {
    return this.kept.flatMap(({ task, buffer, sampler }) =>
      buffer && sampler
        ? [
            {
              task,
              indices: sampler.next(Math.min(batchSize, buffer.length)).map((i) => buffer[i]!),
            },
          ]
        : [],
    );
  }

  /** The EWC penalty (null without anchors). */
  penalty(): tf.Scalar | null {
    const anchors = this.kept.flatMap((k) => (k.anchor ? [k.anchor] : []));
    return anchors.length ? ewcPenalty(anchors, this.sequence.ewcStrength) : null;
  }

  dispose(): void {
    for (const k of this.kept) if (k.anchor) tf.dispose([...k.anchor.star, ...k.anchor.fisher]);
    this.kept.length = 0;
  }
}
