import { encoderLayerName } from '../naming';
import { defineSharing } from './def';

/** One encoder under every head (Caruana, 1997). */
export const hard = defineSharing<{ mode: 'hard' }>({
  name: 'Hard sharing',
  label: 'Hard sharing: one encoder under every head',
  explain: 'Every task reads the same encoder output.',
  initial: { mode: 'hard' },
  fields: [],
  layerLabel: 'Shared layer',
  encoderLabel: 'the shared encoder',
  copies: () => [{ owner: null, name: encoderLayerName }],
  blocks: () => [],
  settingProblems: () => [],
  shapeProblems: () => [],
  passes: () => 1,
  singleRepresentation: true,
  build: (_s, { encoder, encoderLayer, x }) => {
    const shared = encoder.reduce(
      (h, layer, i) => encoderLayer(i, encoderLayerName(i, layer))(h),
      x,
    );
    return () => shared;
  },
  python: (_s, { encoder, encoderLayer, tasks }) => [
    `    x = inputs`,
    ...encoder.map((layer, i) => `    x = ${encoderLayer(i, encoderLayerName(i, layer))}(x)`),
    `    head_inputs = [x] * ${tasks.length}`,
  ],
});
