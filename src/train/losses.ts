import * as tf from '@tensorflow/tfjs';
import type { LossKind } from '../spec/types';

/** Probabilities are clipped before the log, as Keras does, so a confident mistake stays finite. */
const EPSILON = 1e-7;

/**
 * Mean loss of one task over a batch. `pred` is the head's output (probabilities for the
 * cross-entropies); `target` is one-hot for softmax, 0/1 for sigmoid, values for regression.
 */
export function taskLoss(loss: LossKind, pred: tf.Tensor, target: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (loss) {
      case 'softmaxCrossEntropy': {
        const logp = tf.log(tf.clipByValue(pred, EPSILON, 1));
        return tf.neg(tf.mean(tf.sum(tf.mul(target, logp), -1)));
      }
      case 'sigmoidBinaryCrossEntropy': {
        const p = tf.clipByValue(pred, EPSILON, 1 - EPSILON);
        const ll = tf.add(
          tf.mul(target, tf.log(p)),
          tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p))),
        );
        return tf.neg(tf.mean(ll));
      }
      case 'mse':
        return tf.mean(tf.square(tf.sub(pred, target)));
      case 'mae':
        return tf.mean(tf.abs(tf.sub(pred, target)));
      default: {
        const never: never = loss;
        throw new Error(`Unknown loss ${String(never)}`);
      }
    }
  });
}

/** Validation metric of one task: accuracy in [0, 1] for classification, MAE for regression. */
export function taskMetric(loss: LossKind, pred: tf.Tensor, target: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (loss) {
      case 'softmaxCrossEntropy':
        return tf.mean(tf.cast(tf.equal(tf.argMax(pred, -1), tf.argMax(target, -1)), 'float32'));
      case 'sigmoidBinaryCrossEntropy':
        return tf.mean(
          tf.cast(tf.equal(tf.cast(tf.greater(pred, 0.5), 'float32'), target), 'float32'),
        );
      default:
        return tf.mean(tf.abs(tf.sub(pred, target)));
    }
  });
}
