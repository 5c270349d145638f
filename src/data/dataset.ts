/** What a dataset offers each task: a class label or a regression vector per example. */
export type TargetInfo =
  { kind: 'classification'; classes: number } | { kind: 'regression'; dims: number };

/** One split of a dataset, row-major, ready to upload to the device. */
export interface Split {
  size: number;
  /** size × inputDim features. */
  x: Float32Array;
  /** Per target: class indices (size) or regression values (size × dims). */
  targets: Record<string, Float32Array>;
}

/** A dataset in host memory: the same shape whatever its source. */
export interface Dataset {
  name: string;
  inputDim: number;
  targets: Record<string, TargetInfo>;
  train: Split;
  val: Split;
}

/** Width of a target's value per example. */
export function targetWidth(info: TargetInfo): number {
  return info.kind === 'classification' ? 1 : info.dims;
}
