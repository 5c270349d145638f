import type * as tf from '@tensorflow/tfjs';
import { uploadDataset, type DeviceData } from '../data/deviceData';
import { readFileSync } from 'node:fs';
import { loadDataset, neededAsset, type DataAssets } from '../data/loadDataset';
import { decodeMnist, MNIST_PATH } from '../data/mnistFile';
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
  const dataSpec = overrides.data ?? DEFAULT_DATA;
  const data = uploadDataset(
    loadDataset(dataSpec, neededAsset(dataSpec) ? testAssets() : {}),
    spec,
  );
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

let mnist: DataAssets['mnist'];

/** The assets the app serves, read from `public/` (the worker fetches them instead). */
export function testAssets(): DataAssets {
  mnist ??= decodeMnist(
    new Uint8Array(readFileSync(new URL(`../../public/${MNIST_PATH}`, import.meta.url))),
  );
  return { mnist };
}

/** A worker-style asset fetcher over `public/`. */
export async function fetchTestAsset(path: string): Promise<Uint8Array> {
  return new Uint8Array(readFileSync(new URL(`../../public/${path}`, import.meta.url)));
}
