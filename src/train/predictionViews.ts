import * as tf from '@tensorflow/tfjs';
import type { DeviceSplit } from '../data/deviceData';
import { predictTasks } from '../model/buildModel';
import type { ModelSpec, TaskSpec } from '../spec/types';

/** Cells per side of a decision map: fine enough to see a boundary, cheap enough to redraw often. */
export const MAP_RESOLUTION = 40;
/** The square the 2-D datasets live in. */
export const MAP_EXTENT = 1;

/** One task's predictions over the grid, row 0 at the top (x₂ = +1), column 0 at x₁ = −1. */
export interface DecisionMap {
  /** `probability`: of class 1 (two classes); `class`: the predicted class index; `value`: a regression output. */
  kind: 'probability' | 'class' | 'value';
  /** Classes of the task (classification only). */
  classes?: number;
  values: Float32Array;
}

/** Whether a design reads 2-D points, so that a map over the plane shows what it learned. */
export const hasDecisionMaps = (spec: ModelSpec): boolean =>
  spec.input.kind === 'features' && spec.input.size === 2;

/** The grid's points as a [resolution², 2] tensor (cell centres), row 0 at the top. */
export function gridPoints(resolution: number): tf.Tensor2D {
  const xy = new Float32Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const k = (row * resolution + col) * 2;
      xy[k] = -MAP_EXTENT + ((col + 0.5) * 2 * MAP_EXTENT) / resolution;
      xy[k + 1] = MAP_EXTENT - ((row + 0.5) * 2 * MAP_EXTENT) / resolution;
    }
  }
  return tf.tensor2d(xy, [resolution * resolution, 2]);
}

/** A task's predictions reduced to one number per point (see {@link DecisionMap}). */
function mapValues(task: TaskSpec, pred: tf.Tensor): tf.Tensor1D {
  if (task.loss === 'softmaxCrossEntropy') {
    return (
      task.outputUnits === 2
        ? pred.slice([0, 1], [-1, 1]).reshape([-1])
        : tf.argMax(pred, -1).toFloat()
    ) as tf.Tensor1D;
  }
  return pred.slice([0, 0], [-1, 1]).reshape([-1]) as tf.Tensor1D;
}

function mapKind(task: TaskSpec): DecisionMap['kind'] {
  if (task.loss === 'softmaxCrossEntropy') return task.outputUnits === 2 ? 'probability' : 'class';
  return task.loss === 'sigmoidBinaryCrossEntropy' ? 'probability' : 'value';
}

/** Every task's decision map of a 2-D model, read back in one transfer. */
export async function decisionMaps(
  model: tf.LayersModel,
  spec: ModelSpec,
  resolution = MAP_RESOLUTION,
): Promise<DecisionMap[]> {
  const cells = resolution * resolution;
  const stacked = tf.tidy(() => {
    const preds = predictTasks(model, gridPoints(resolution), false);
    return tf.stack(spec.tasks.map((t, i) => mapValues(t, preds[i]!)));
  });
  const values = await stacked.data<'float32'>();
  stacked.dispose();
  return spec.tasks.map((task, i) => ({
    kind: mapKind(task),
    ...(task.loss === 'softmaxCrossEntropy' ? { classes: task.outputUnits } : {}),
    values: values.slice(i * cells, (i + 1) * cells),
  }));
}

/** Class indices of predictions or targets: argmax of a distribution, or a 0.5 threshold for one unit. */
const classIndices = (t: tf.Tensor): tf.Tensor1D =>
  (t.shape[1] === 1 ? tf.greater(t.reshape([-1]), 0.5).toInt() : tf.argMax(t, -1)) as tf.Tensor1D;

/**
 * The confusion matrix of a classification task on a split: matrix[true][predicted] counts.
 * Computed on the device as oneHot(true)ᵀ·oneHot(predicted).
 */
export async function confusionMatrix(
  model: tf.LayersModel,
  spec: ModelSpec,
  taskIndex: number,
  split: DeviceSplit,
): Promise<number[][]> {
  const task = spec.tasks[taskIndex];
  if (!task || (task.loss !== 'softmaxCrossEntropy' && task.loss !== 'sigmoidBinaryCrossEntropy'))
    throw new Error('A confusion matrix needs a classification task');
  const classes = task.loss === 'softmaxCrossEntropy' ? task.outputUnits : 2;
  const counts = tf.tidy(() => {
    const pred = predictTasks(model, split.x, false)[taskIndex]!;
    const truth = tf.oneHot(classIndices(split.targets[taskIndex]!), classes).toFloat();
    const guess = tf.oneHot(classIndices(pred), classes).toFloat();
    return tf.matMul(truth, guess, true, false);
  });
  const flat = await counts.data();
  counts.dispose();
  return Array.from({ length: classes }, (_, r) =>
    Array.from(flat.subarray(r * classes, (r + 1) * classes), Math.round),
  );
}
