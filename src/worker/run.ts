import * as tf from '@tensorflow/tfjs';
import { uploadDataset, type DeviceData } from '../data/deviceData';
import type { Dataset } from '../data/dataset';
import { buildModel } from '../model/buildModel';
import { validateDesign } from '../design/validateDesign';
import { Trainer } from '../train/trainer';
import type { RunDesign } from './protocol';
import { NO_INSIGHTS, type InsightRequest } from '../train/insights/views';
import type { TrainConfig } from '../spec/types';

/** One training run inside the worker: its design, model, device data and trainer. */
export interface Run {
  id: string;
  design: RunDesign;
  model: tf.LayersModel;
  data: DeviceData;
  trainer: Trainer;
  /** Step of the latest validation, so a pause does not evaluate the same weights twice. */
  lastEvalStep: number;
  /** Step and time of the latest gradient cosines and decision maps (the costly views). */
  lastViews: { step: number; at: number };
  /** When the latest validation ended and how long its losses and metrics took (the validation budget). */
  lastValidation: { endedAt: number; ms: number };
  /** The task whose confusion matrix the UI shows, refreshed at each validation (null: none). */
  confusionTask: number | null;
  /** The why views the page shows, and the step, time and cost of the latest ones. */
  insights: InsightRequest;
  lastInsights: { step: number; at: number; ms: number };
  /** A loss became NaN or ±∞: the weights are no longer worth keeping. */
  diverged: boolean;
}

/** Throws every problem of the design as one message (the UI shows it in `error`). */
export function assertValidDesign(design: RunDesign): void {
  const problems = validateDesign(design);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
}

/** Validates the design, uploads the data, builds the model and its trainer. */
export function createRun(id: string, design: RunDesign, dataset: Dataset): Run {
  assertValidDesign(design);
  const data = uploadDataset(dataset, design.spec);
  let model: tf.LayersModel | undefined;
  try {
    model = buildModel(design.spec, design.config.seed);
    const trainer = new Trainer(model, design.spec, design.config, data);
    return {
      id,
      design,
      model,
      data,
      trainer,
      lastEvalStep: -1,
      lastViews: { step: -1, at: -Infinity },
      lastValidation: { endedAt: -Infinity, ms: 0 },
      confusionTask: null,
      insights: NO_INSIGHTS,
      lastInsights: { step: -1, at: -Infinity, ms: 0 },
      diverged: false,
    };
  } catch (e) {
    model?.dispose();
    data.dispose();
    throw e;
  }
}

/** Settings the person changed since the run was built (λ, learning rate, batch, weighting, frozen blocks), taken over without rebuilding it. */
export function applyConfig(run: Run, config: TrainConfig): void {
  run.trainer.setLambdas(config.lambdas);
  run.trainer.setLearningRate(config.learningRate);
  run.trainer.setBatchSize(config.batchSize);
  if (JSON.stringify(config.weighting) !== JSON.stringify(run.design.config.weighting))
    run.trainer.setWeighting(config.weighting);
  if (JSON.stringify(config.blocks) !== JSON.stringify(run.design.config.blocks))
    run.trainer.setBlocks(config.blocks);
  run.design = { ...run.design, config };
}

/** Frees every tensor the run owns. */
export function disposeRun(run: Run): void {
  run.trainer.dispose();
  run.model.dispose();
  run.data.dispose();
}
