import * as tf from '@tensorflow/tfjs';
import type { LossKind, MetricKind } from '../spec/types';

/** Probabilities are clipped before the log, as Keras does, so a confident mistake stays finite. */
const EPSILON = 1e-7;
/** Huber's δ: quadratic within ±1, linear beyond (Keras's default). */
const HUBER_DELTA = 1;

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
      case 'huber': {
        const error = tf.abs(tf.sub(pred, target));
        const quadratic = tf.minimum(error, HUBER_DELTA);
        const linear = tf.sub(error, quadratic);
        return tf.mean(tf.add(tf.mul(0.5, tf.square(quadratic)), tf.mul(HUBER_DELTA, linear)));
      }
      default: {
        const never: never = loss;
        throw new Error(`Unknown loss ${String(never)}`);
      }
    }
  });
}

/**
 * Validation metric of one task: accuracy in [0, 1] for classification; MAE, RMSE or R²
 * (1 − SS_res/SS_tot against the target's mean) for regression.
 */
export function taskMetric(
  metric: MetricKind,
  loss: LossKind,
  pred: tf.Tensor,
  target: tf.Tensor,
): tf.Scalar {
  return tf.tidy(() => {
    switch (metric) {
      case 'accuracy': {
        const hits =
          loss === 'sigmoidBinaryCrossEntropy'
            ? tf.equal(tf.cast(tf.greater(pred, 0.5), 'float32'), target)
            : tf.equal(tf.argMax(pred, -1), tf.argMax(target, -1));
        return tf.mean(tf.cast(hits, 'float32'));
      }
      case 'mae':
        return tf.mean(tf.abs(tf.sub(pred, target)));
      case 'rmse':
        return tf.sqrt(tf.mean(tf.square(tf.sub(pred, target))));
      case 'r2': {
        const residual = tf.sum(tf.square(tf.sub(target, pred)));
        const total = tf.sum(tf.square(tf.sub(target, tf.mean(target))));
        return tf.sub(1, tf.div(residual, tf.maximum(total, EPSILON)));
      }
      default: {
        const never: never = metric;
        throw new Error(`Unknown metric ${String(never)}`);
      }
    }
  });
}
