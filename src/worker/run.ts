import * as tf from '@tensorflow/tfjs';
import { uploadDataset, type DeviceData } from '../data/deviceData';
import type { Dataset } from '../data/dataset';
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
  /** The task whose confusion matrix the UI shows, refreshed at each validation (null: none). */
  confusionTask: number | null;
}

/** Validates the design, uploads the data, builds the model and its trainer. */
export function createRun(id: string, design: RunDesign, dataset: Dataset): Run {
  const problems = validateDesign(design);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
  const unsupported = backendProblem(design, tf.getBackend());
  if (unsupported) throw new Error(unsupported);
  const data = uploadDataset(dataset, design.spec);
  let model: tf.LayersModel | undefined;
  try {
    model = buildModel(design.spec, design.config.seed);
    const trainer = new Trainer(model, design.spec, design.config, data);
    return { id, design, model, data, trainer, lastEvalStep: -1, confusionTask: null };
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

/** Layer types tf.js cannot train on a backend (missing gradient kernels), by backend. */
const UNTRAINABLE: Partial<Record<string, { types: string[]; why: string }>> = {
  wasm: {
    types: ['conv2d', 'embedding'],
    why: 'tf.js has no Conv2DBackpropFilter or UnsortedSegmentSum kernel on wasm',
  },
};

/** Why the active backend cannot train this design, or null. */
export function backendProblem(design: RunDesign, backend: string): string | null {
  const rule = UNTRAINABLE[backend];
  if (!rule) return null;
  const layers = [...design.spec.encoder, ...design.spec.tasks.flatMap((t) => t.head)];
  const blocked = [...new Set(layers.map((l) => l.type).filter((t) => rule.types.includes(t)))];
  if (blocked.length === 0) return null;
  return `The ${backend} backend cannot train ${blocked.join(' or ')} layers (${rule.why}). Reset and choose webgpu, webgl or cpu.`;
}
