import * as tf from '@tensorflow/tfjs';
import { uploadDataset, type DeviceData } from '../data/deviceData';
import { loadDataset } from '../data/loadDataset';
import { buildModel } from '../model/buildModel';
import { validateDesign } from '../spec/validateDesign';
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

/** Validates, generates and uploads the data, builds the model and its trainer. */
export function createRun(id: string, design: RunDesign): Run {
  const problems = validateDesign(design);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
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
