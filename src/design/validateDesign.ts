import { describeDataset } from '../data/loadDataset';
import { inferShapes } from '../spec/shapes';
import { estimateSize, sizeProblem } from '../spec/sizeBudget';
import type { DataSpec, ModelSpec, Problem, TrainConfig } from '../spec/types';
import { blockProblems, validateConfig, validateData, validateSpec } from './validate';

/** Every problem of a whole design (data, model, training), checked the same way in the UI and the worker. */
export function validateDesign(design: {
  spec: ModelSpec;
  config: TrainConfig;
  data: DataSpec;
}): Problem[] {
  const dataProblems = validateData(design.data);
  if (dataProblems.length) return dataProblems;
  const problems = [
    ...validateSpec(design.spec, describeDataset(design.data)),
    ...validateConfig(design.config, design.spec),
  ];
  if (problems.length) return problems;
  const blocks = blockProblems(design.config, design.spec);
  if (blocks.length) return blocks;
  // Refused before anything is allocated: an oversized design would otherwise fail deep in tf.js.
  const estimate = estimateSize(inferShapes(design.spec), design.config.batchSize);
  const tooBig = sizeProblem(estimate, design.config.batchSize);
  return tooBig ? [tooBig] : [];
}
