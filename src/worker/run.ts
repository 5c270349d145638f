import * as tf from '@tensorflow/tfjs';
import { uploadDataset, type DeviceData } from '../data/deviceData';
import { describeDataset, loadDataset } from '../data/loadDataset';
import { buildModel } from '../model/buildModel';
import { validateConfig, validateData, validateSpec } from '../spec/validate';
import { Trainer } from '../train/trainer';
import type { RunDesign } from './protocol';

/** One training run inside the worker: its design, model, device data and trainer. */
export interface Run {
  id: string;
  design: RunDesign;
  model: tf.LayersModel;
  data: DeviceData;
  trainer: Trainer;
  /** Step of the latest validation, so a pause does not evaluate the same weights twice. */
  lastEvalStep: number;
}

/** Every problem of a design, as one message; null when it can train. */
export function designProblems(design: RunDesign): string | null {
  const dataProblems = validateData(design.data);
  const problems = dataProblems.length
    ? dataProblems
    : [
        ...validateSpec(design.spec, describeDataset(design.data)),
        ...validateConfig(design.config, design.spec),
      ];
  return problems.length ? problems.map((p) => p.message).join('\n') : null;
}

/** Validates, generates and uploads the data, builds the model and its trainer. */
export function createRun(id: string, design: RunDesign): Run {
  const problems = designProblems(design);
  if (problems) throw new Error(problems);
  const data = uploadDataset(loadDataset(design.data), design.spec);
  let model: tf.LayersModel | undefined;
  try {
    model = buildModel(design.spec, design.config.seed);
    const trainer = new Trainer(model, design.spec, design.config, data);
    return { id, design, model, data, trainer, lastEvalStep: -1 };
  } catch (e) {
    model?.dispose();
    data.dispose();
    throw e;
  }
}

/** Frees every tensor the run owns. */
export function disposeRun(run: Run): void {
  run.trainer.dispose();
  run.model.dispose();
  run.data.dispose();
}
