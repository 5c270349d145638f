import type * as tf from '@tensorflow/tfjs';
import { py } from '../../layers/python';
import type { LayerSpec } from '../types';
import { CROSS_STITCH_PYTHON } from './crossStitchPython';
import { blockProblems, blockShape, defineSharing, encoderBlocks } from './def';

/** Layer `index` of the encoder column of task `column` (0-based). */
export const columnLayerName = (column: number, index: number, layer: LayerSpec): string =>
  `shared_column${column + 1}_${index + 1}_${layer.type}`;

/** The cross-stitch unit after encoder block `block` (named by the block's last layer). */
export const stitchLayerName = (last: number): string => `shared_stitch${last + 1}`;

/** One encoder column per task, linked by a cross-stitch unit after each block (Misra et al., 2016). */
export const crossStitch = defineSharing<{ mode: 'crossStitch' }>({
  name: 'Cross-stitch',
  label: 'Cross-stitch: a column per task, linked after every block',
  explain:
    'Each task has its own copy of the encoder; after every block a learned T×T matrix mixes the columns.',
  initial: { mode: 'crossStitch' },
  fields: [],
  layerLabel: 'Column layer',
  encoderLabel: 'every column',
  copies: (_s, tasks) =>
    tasks.map((_, t) => ({
      owner: null,
      name: (i: number, layer: LayerSpec) => columnLayerName(t, i, layer),
    })),
  blocks: (_s, context) =>
    encoderBlocks(context).map((block) => ({
      label: `Cross-stitch after layer ${block.at(-1)! + 1} · ${context.tasks.length}×${context.tasks.length}`,
      shape: blockShape(context, block.at(-1)),
      params: context.tasks.length ** 2,
      owner: null,
      layers: [stitchLayerName(block.at(-1)!)],
    })),
  settingProblems: (_s, tasks) =>
    tasks.length < 2
      ? [{ where: 'sharing', message: 'Cross-stitch links one column per task: add a second task' }]
      : [],
  shapeProblems: (_s, context) => blockProblems('Cross-stitch', context),
  passes: (_s, tasks) => tasks.length,
  singleRepresentation: false,
  build: (_s, context) => {
    const { encoder, encoderLayer, tasks, x } = context;
    let columns = tasks.map(() => x);
    for (const block of encoderBlocks(context)) {
      columns = columns.map((h, t) =>
        block.reduce((acc, i) => encoderLayer(i, columnLayerName(t, i, encoder[i]!))(acc), h),
      );
      columns = context.custom.CrossStitch!({ name: stitchLayerName(block.at(-1)!) }).apply(
        columns,
      ) as tf.SymbolicTensor[];
    }
    return (t) => columns[t]!;
  },
  python: (_s, context) => {
    const { encoder, tasks } = context;
    const lines = [`    columns = [inputs] * ${tasks.length}`];
    for (const block of encoderBlocks(context)) {
      tasks.forEach((_, t) =>
        lines.push(
          `    x = columns[${t}]`,
          ...block.map(
            (i) => `    x = ${context.encoderLayer(i, columnLayerName(t, i, encoder[i]!))}(x)`,
          ),
          `    columns[${t}] = x`,
        ),
      );
      lines.push(`    columns = CrossStitch(name=${py(stitchLayerName(block.at(-1)!))})(columns)`);
    }
    lines.push(`    head_inputs = list(columns)`);
    return lines;
  },
  pythonSupport: [CROSS_STITCH_PYTHON],
});
