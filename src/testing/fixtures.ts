import type * as tf from '@tensorflow/tfjs';
import { uploadDataset, type DeviceData } from '../data/deviceData';
import { readFileSync } from 'node:fs';
import { loadDataset, neededAsset, type DataAssets } from '../data/loadDataset';
import { decodeMnist, MNIST_PATH } from '../data/mnistFile';
import { buildModel } from '../model/buildModel';
import { PRESETS } from '../design/presets';
import type { DataSpec, ModelSpec, TrainConfig } from '../spec/types';
import { Trainer } from '../train/trainer';

/**
 * The clean circle + wave design: it learns fast and visibly in a few hundred steps, which tests
 * of the training mechanics need (the default example's noisy labels would blur them).
 */
export const CLEAN_POINTS = PRESETS.find((p) => p.id === 'toy2d')!;

/** A trainer on the cpu backend: CLEAN_POINTS unless overridden. */
export function makeTrainer(
  overrides: { spec?: ModelSpec; config?: Partial<TrainConfig>; data?: DataSpec } = {},
): { trainer: Trainer; model: tf.LayersModel; data: DeviceData; dispose(): void } {
  const spec = overrides.spec ?? CLEAN_POINTS.spec;
  const config = { ...CLEAN_POINTS.config, ...overrides.config };
  const dataSpec = overrides.data ?? CLEAN_POINTS.data;
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
