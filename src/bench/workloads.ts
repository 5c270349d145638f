import { PRESETS } from '../design/presets';
import type { DataSpec, ModelSpec, TrainConfig } from '../spec/types';

/** One model, data and training setting the benchmark times on every backend. */
export interface Workload {
  id: WorkloadId;
  label: string;
  spec: ModelSpec;
  data: DataSpec;
  config: TrainConfig;
}

export const WORKLOAD_IDS = ['small', 'wide', 'cnn'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

const presetById = (id: string) => {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`No preset '${id}'`);
  return found;
};

const toy = presetById('toy2d');
const mnist = presetById('mnist');
const multiMnist = presetById('multimnist');
const wideLayer = { type: 'dense', units: 512, activation: 'relu', l2: 0 } as const;

/** The app's default example, a 784→512→512 MLP with 3 heads at batch 256, and MultiLeNet. */
export const WORKLOADS: Record<WorkloadId, Workload> = {
  small: {
    id: 'small',
    label: 'small MLP: 2-D toy, 2→16→16, 2 heads, batch 32',
    spec: toy.spec,
    data: toy.data,
    config: toy.config,
  },
  wide: {
    id: 'wide',
    label: 'wide MLP: MNIST 784→512→512, 3 heads, batch 256',
    spec: { ...mnist.spec, encoder: [{ type: 'flatten' }, wideLayer, wideLayer] },
    data: mnist.data,
    config: { ...mnist.config, batchSize: 256 },
  },
  cnn: {
    id: 'cnn',
    label: 'CNN: MultiLeNet on 28×28 MultiMNIST, 2 heads, batch 64',
    spec: multiMnist.spec,
    data: multiMnist.data,
    config: multiMnist.config,
  },
};
