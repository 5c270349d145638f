import * as tf from '@tensorflow/tfjs';
import type { LossKind, ModelSpec } from '../spec/types';
import { inputShape } from '../spec/shapes';
import type { Dataset, Split, TargetInfo } from './dataset';

/** One split living on the device: features and one target tensor per task, in task order. */
export interface DeviceSplit {
  size: number;
  /** [size, ...input shape]; int32 token ids for token inputs. */
  x: tf.Tensor;
  targets: tf.Tensor2D[];
}

/** The dataset uploaded once for a design; batches are drawn from it with `tf.gather`. */
export interface DeviceData {
  train: DeviceSplit;
  val: DeviceSplit;
  dispose(): void;
}

/** The target as the task's loss wants it: one-hot for softmax, a column for the rest. */
function targetTensor(
  values: Float32Array,
  size: number,
  info: TargetInfo,
  loss: LossKind,
): tf.Tensor2D {
  if (info.kind === 'classification' && loss === 'softmaxCrossEntropy') {
    return tf.tidy(
      () => tf.oneHot(tf.tensor1d(values, 'int32'), info.classes).toFloat() as tf.Tensor2D,
    );
  }
  const width = info.kind === 'classification' ? 1 : info.dims;
  return tf.tensor2d(values, [size, width]);
}

function uploadSplit(split: Split, dataset: Dataset, spec: ModelSpec): DeviceSplit {
  return {
    size: split.size,
    x:
      dataset.input.kind === 'tokens'
        ? tf.tensor(Int32Array.from(split.x), [split.size, ...inputShape(dataset.input)], 'int32')
        : tf.tensor(split.x, [split.size, ...inputShape(dataset.input)]),
    targets: spec.tasks.map((task) => {
      const info = dataset.targets[task.target];
      const values = split.targets[task.target];
      if (!info || !values) throw new Error(`The dataset has no target '${task.target}'`);
      return targetTensor(values, split.size, info, task.loss);
    }),
  };
}

/** Uploads both splits in the shape the design's losses need. The caller owns and disposes them. */
export function uploadDataset(dataset: Dataset, spec: ModelSpec): DeviceData {
  const train = uploadSplit(dataset.train, dataset, spec);
  const val = uploadSplit(dataset.val, dataset, spec);
  return {
    train,
    val,
    dispose: () => {
      for (const s of [train, val]) tf.dispose([s.x, ...s.targets]);
    },
  };
}
