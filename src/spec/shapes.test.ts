import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../model/buildModel';
import { useCpuBackend } from '../testing/tfCpu';
import { DEFAULT_MODEL } from './defaults';
import { newLayer } from '../layers/registry';
import { PRESETS } from '../design/presets';
import { inferShapes } from './shapes';
import { SHARING_MODES, sharingModeNamed } from './sharing';
import type { InputSpec, LayerSpec, ModelSpec, TaskSpec } from './types';

beforeAll(useCpuBackend);

const task = (name: string, head: LayerSpec[] = []): TaskSpec => ({
  name,
  target: name,
  head,
  outputUnits: 3,
  loss: 'softmaxCrossEntropy',
  metric: 'accuracy',
});
const spec = (
  input: InputSpec,
  encoder: LayerSpec[],
  mmoe = 0,
  head: LayerSpec[] = [],
): ModelSpec => ({
  input,
  sharing: mmoe ? { mode: 'mmoe', experts: mmoe } : { mode: 'hard' },
  encoder,
  tasks: [task('a', head), task('b')],
});
const features: InputSpec = { kind: 'features', size: 5 };
const image: InputSpec = { kind: 'image', height: 9, width: 8, channels: 3 };
const tokens: InputSpec = { kind: 'tokens', length: 6, vocabSize: 7 };
const dense = (units: number): LayerSpec => ({ type: 'dense', units, activation: 'tanh', l2: 0 });

const cases: [string, ModelSpec][] = [
  [
    'dense, dropout, batch norm, layer norm',
    spec(features, [
      dense(7),
      newLayer('dropout'),
      newLayer('batchNorm'),
      dense(4),
      newLayer('layerNorm'),
    ]),
  ],
  ['no encoder', spec(features, [], 0, [dense(6)])],
  [
    'conv same/valid with strides, pools, flatten',
    spec(image, [
      {
        type: 'conv2d',
        filters: 4,
        kernelSize: 3,
        strides: 1,
        padding: 'same',
        activation: 'relu',
      },
      newLayer('batchNorm'),
      {
        type: 'conv2d',
        filters: 5,
        kernelSize: 3,
        strides: 2,
        padding: 'valid',
        activation: 'elu',
      },
      { type: 'maxPool2d', poolSize: 2, strides: 1 },
      { type: 'avgPool2d', poolSize: 2, strides: 2 },
      newLayer('flatten'),
      dense(6),
    ]),
  ],
  [
    'conv then global average pooling 2-D',
    spec(image, [
      {
        type: 'conv2d',
        filters: 6,
        kernelSize: 5,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
      },
      newLayer('globalAvgPool'),
    ]),
  ],
  [
    'embedding, LSTM and GRU',
    spec(tokens, [
      { type: 'embedding', outputDim: 5 },
      { type: 'lstm', units: 4, returnSequences: true },
      { type: 'gru', units: 3, returnSequences: false },
    ]),
  ],
  [
    'embedding, self-attention, layer norm, global pooling 1-D',
    spec(tokens, [
      { type: 'embedding', outputDim: 8 },
      { type: 'selfAttention', heads: 2, keyDim: 3 },
      newLayer('layerNorm'),
      newLayer('globalAvgPool'),
    ]),
  ],
  [
    'sequence heads',
    {
      ...spec(tokens, [{ type: 'embedding', outputDim: 4 }, dense(5)]),
      tasks: [
        task('a', [{ type: 'gru', units: 2, returnSequences: false }]),
        task('b', [newLayer('globalAvgPool')]),
      ],
    },
  ],
  [
    'MMoE with 3 experts',
    spec(features, [dense(6), newLayer('batchNorm'), dense(4)], 3, [dense(5)]),
  ],
  [
    'MMoE on images',
    spec(
      image,
      [
        {
          type: 'conv2d',
          filters: 2,
          kernelSize: 3,
          strides: 1,
          padding: 'same',
          activation: 'relu',
        },
        newLayer('flatten'),
      ],
      2,
    ),
  ],
  ...PRESETS.map((p): [string, ModelSpec] => [`preset ${p.id}`, p.spec]),
  ...SHARING_MODES.filter((m) => m !== 'hard').flatMap((mode): [string, ModelSpec][] => {
    const sharing = sharingModeNamed(mode).initial;
    const conv = (filters: number, strides: number): LayerSpec => ({
      type: 'conv2d',
      filters,
      kernelSize: 3,
      strides,
      padding: 'same',
      activation: 'relu',
    });
    const designs: [string, ModelSpec][] = [
      [
        'dense blocks',
        { ...spec(features, [dense(6), newLayer('batchNorm'), dense(4)], 0, [dense(5)]), sharing },
      ],
      [
        'conv blocks on images',
        {
          ...spec(image, [conv(3, 1), newLayer('batchNorm'), conv(2, 2), newLayer('flatten')]),
          sharing,
        },
      ],
    ];
    if (mode === 'crossStitch' || mode === 'mtan')
      designs.push([
        'tokens',
        {
          ...spec(tokens, [
            { type: 'embedding', outputDim: 5 },
            { type: 'lstm', units: 4, returnSequences: true },
            newLayer('globalAvgPool'),
          ]),
          sharing,
        },
      ]);
    return designs.map(([label, design]) => [`${mode}, ${label}`, design]);
  }),
];

const size = (w: tf.LayerVariable): number => w.shape.reduce((a: number, b) => a * (b ?? 1), 1);

describe('inferShapes', () => {
  it.each(cases)('matches what tf.js builds: %s', (_label, s) => {
    const shapes = inferShapes(s);
    expect(shapes.problems).toEqual([]);
    const model = buildModel(s, 1);
    expect(shapes.totalParams).toBe(model.trainableWeights.reduce((n, w) => n + size(w), 0));
    expect(shapes.nonTrainableParams).toBe(
      model.nonTrainableWeights.reduce((n, w) => n + size(w), 0),
    );
    const blocks = [...shapes.sharedBlocks, ...shapes.tasks.flatMap((t) => t.blocks)];
    const layers = [
      ...shapes.encoder,
      ...blocks.filter((b) => !b.label.includes('own expert')),
      ...shapes.tasks.flatMap((t) => [...t.head, t.output]),
    ];
    for (const layer of layers) {
      const built = model.getLayer(layer.name);
      expect(
        built.trainableWeights.reduce((n, w) => n + size(w), 0),
        layer.name,
      ).toBe(layer.params);
      // A cross-stitch unit has one output per column, each of the block's shape.
      const out = built.outputShape as (number | null)[] | (number | null)[][];
      const first = Array.isArray(out[0]) ? (out[0] as number[]) : (out as number[]);
      expect(first.slice(1), layer.name).toEqual(layer.shape);
    }
    expect(model.outputNames).toEqual(s.tasks.map((t) => t.name));
    model.dispose();
  });

  it('counts the default example by hand', () => {
    // 2→16: 48, 16→16: 272, heads 16→2: 34 and 16→1: 17
    expect(inferShapes(DEFAULT_MODEL).totalParams).toBe(48 + 272 + 34 + 17);
  });

  it.each([
    [
      'Conv2D on a vector',
      spec(features, [newLayer('conv2d')]),
      'Shared layer 1: Conv2D needs an image input [h, w, c]; this input is [5]',
    ],
    [
      'Dense after Conv2D',
      spec(image, [newLayer('conv2d'), dense(3)]),
      'Shared layer 2: Dense needs [features] or [steps, features]; this input is [9, 8, 8]: add Flatten or GlobalAveragePooling before it',
    ],
    [
      'a head left with an image',
      spec(image, [newLayer('conv2d')]),
      "Task 'a': its head ends with [9, 8, 8]; add GlobalAveragePooling, Flatten or a recurrent layer without return sequences before the output",
    ],
    [
      'token ids into Dense',
      spec(tokens, [dense(3)]),
      'Shared layer 1: Token input [6] needs an Embedding first: it turns token ids into vectors (Dense cannot read ids)',
    ],
    [
      'Embedding after Dense',
      spec(features, [dense(3), newLayer('embedding')]),
      'Shared layer 2: Embedding reads token ids, so it must come first on a token input; this input is [3]',
    ],
    [
      'LSTM on a vector',
      spec(features, [newLayer('lstm')]),
      'Shared layer 1: LSTM needs a sequence [steps, features]; this input is [5]',
    ],
    [
      'a window larger than the image',
      spec(image, [{ type: 'maxPool2d', poolSize: 10, strides: 1 }]),
      "Shared layer 1: MaxPooling2D window 10 does not fit its 9×8 input (use a smaller window or padding 'same')",
    ],
    [
      'Flatten twice (found by the random-design property)',
      spec(image, [newLayer('flatten'), newLayer('flatten')]),
      'Shared layer 2: Flatten needs an image or a sequence; this input is already flat [216]',
    ],
    [
      'MMoE gates on token ids',
      spec(tokens, [newLayer('embedding'), newLayer('globalAvgPool')], 2),
      'MMoE gates read the input as numbers, which token ids are not: use hard sharing, cross-stitch or MTAN for token inputs',
    ],
    [
      'cross-stitch without a layer to stitch after',
      { ...spec(features, [newLayer('dropout')]), sharing: { mode: 'crossStitch' } as const },
      'Cross-stitch works block by block: add a layer with weights (Dense, Conv2D…) to the encoder',
    ],
  ])('explains %s', (_label, s, message) => {
    expect(inferShapes(s).problems.map((p) => p.message)).toContain(message);
  });
});
