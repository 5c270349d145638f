import { describeDataset } from '../data/loadDataset';
import type { DataSpec, ModelSpec, Problem, TrainConfig } from './types';
import { validateConfig, validateData, validateSpec } from './validate';

/** Every problem of a whole design (data, model, training), checked the same way in the UI and the worker. */
export function validateDesign(design: {
  spec: ModelSpec;
  config: TrainConfig;
  data: DataSpec;
}): Problem[] {
  const dataProblems = validateData(design.data);
  if (dataProblems.length) return dataProblems;
  return [
    ...validateSpec(design.spec, describeDataset(design.data)),
    ...validateConfig(design.config, design.spec),
  ];
}
