import type * as tf from '@tensorflow/tfjs';
import { uploadDataset, type DeviceData } from '../data/deviceData';
import { loadDataset } from '../data/loadDataset';
import { buildModel } from '../model/buildModel';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import type { DataSpec, ModelSpec, TrainConfig } from '../spec/types';
import { Trainer } from '../train/trainer';

/** A trainer on the cpu backend: the default example unless overridden. */
export function makeTrainer(
  overrides: { spec?: ModelSpec; config?: Partial<TrainConfig>; data?: DataSpec } = {},
): { trainer: Trainer; model: tf.LayersModel; data: DeviceData; dispose(): void } {
  const spec = overrides.spec ?? DEFAULT_MODEL;
  const config = { ...DEFAULT_TRAIN, ...overrides.config };
  const data = uploadDataset(loadDataset(overrides.data ?? DEFAULT_DATA), spec);
  const model = buildModel(spec, config.seed);
  const trainer = new Trainer(model, spec, config, data);
  return {
    trainer,
    model,
    data,
    dispose: () => {
      trainer.dispose();
      model.dispose();
      data.dispose();
    },
  };
}

/** Takes `n` steps and reads back their losses. */
export async function trainSteps(trainer: Trainer, n: number) {
  for (let i = 0; i < n; i++) await trainer.trainStep();
  return trainer.flush();
}
