import { PRESETS, type Preset } from '../design/presets';
import type { LayerSpec } from '../spec/types';

const dense = (units: number): LayerSpec => ({ type: 'dense', units, activation: 'relu', l2: 0 });
const task = (p: Preset, i: number) => p.spec.tasks[i]!;
const byId = (id: string) => PRESETS.find((p) => p.id === id)!;
/** Designs for the layer types no preset uses: Dropout, BatchNorm, LayerNorm, AvgPool, GRU. */
export const EXTRA_LAYERS = [
  {
    ...byId('toy2d'),
    label: 'Dense, BatchNorm, Dropout, LayerNorm',
    spec: {
      ...byId('toy2d').spec,
      encoder: [
        dense(8),
        { type: 'batchNorm' },
        { type: 'dropout', rate: 0.2 },
        { type: 'layerNorm' },
      ],
      tasks: [
        { ...task(byId('toy2d'), 0), head: [dense(4), { type: 'dropout', rate: 0.1 }] },
        task(byId('toy2d'), 1),
      ],
    },
  },
  {
    ...byId('cnn'),
    label: 'Conv2D, AveragePooling2D, BatchNorm, GlobalAveragePooling2D',
    spec: {
      ...byId('cnn').spec,
      encoder: [
        {
          type: 'conv2d',
          filters: 4,
          kernelSize: 3,
          strides: 1,
          padding: 'same',
          activation: 'relu',
        },
        { type: 'avgPool2d', poolSize: 2, strides: 2 },
        { type: 'batchNorm' },
        { type: 'globalAvgPool' },
      ],
    },
  },
  {
    ...byId('lstm'),
    label: 'Embedding, GRU, LayerNorm, GlobalAveragePooling1D, MMoE',
    spec: {
      ...byId('lstm').spec,
      sharing: { mode: 'mmoe', experts: 2 },
      encoder: [
        { type: 'embedding', outputDim: 6 },
        { type: 'gru', units: 5, returnSequences: true },
        { type: 'layerNorm' },
        { type: 'globalAvgPool' },
      ],
    },
  },
].map((p) => [p.label, p as Preset] as const);
