import type * as tf from '@tensorflow/tfjs';
import { py } from '../../layers/python';
import { encoderLayerName } from '../naming';
import type { Shape } from '../../layers/shape';
import { blockProblems, blockShape, defineSharing, encoderBlocks } from './def';

/** Task `task`'s attention module after encoder block `block` (0-based). */
export const attentionLayerName = (task: string, block: number): string =>
  `${task}_attention${block + 1}`;

/** A mask over a block output: a 1×1 convolution on images, a dense layer otherwise. */
const maskParams = (shape: Shape, first: boolean): number => {
  const channels = shape.at(-1) ?? 1;
  return (first ? channels : 2 * channels) * channels + channels;
};

/**
 * One shared backbone; each task keeps its own stream through it, gated after every block by a
 * sigmoid attention mask it learns (Liu et al., CVPR 2019). The mask reads the block's shared
 * output and the task's stream carried through the same block (the backbone's own layers, as
 * MTAN's shared feature layers), and multiplies the shared output element by element.
 */
export const mtan = defineSharing<{ mode: 'mtan' }>({
  name: 'MTAN',
  label: 'MTAN: shared backbone, task attention after every block',
  explain:
    'One encoder; each task learns a soft attention mask after every block that picks the features it uses.',
  initial: { mode: 'mtan' },
  fields: [],
  layerLabel: 'Shared layer',
  encoderLabel: 'the shared backbone',
  copies: () => [{ owner: null, name: encoderLayerName }],
  blocks: (_s, context) =>
    context.tasks.flatMap((task, t) =>
      encoderBlocks(context).map((block, b) => {
        const shape = blockShape(context, block.at(-1));
        return {
          label: `Attention ${b + 1} · after layer ${block.at(-1)! + 1}`,
          shape,
          params: maskParams(shape, b === 0),
          owner: t,
          layers: [attentionLayerName(task, b)],
        };
      }),
    ),
  readouts: (_s, context) => {
    const blocks = encoderBlocks(context);
    return [
      {
        title: 'Attention masks: the mean share of each block’s features a task keeps',
        columns: blocks.map((block) => `after layer ${block.at(-1)! + 1}`),
        rows: context.tasks.map((task) => ({
          label: task,
          cells: blocks.map((_, b) => ({
            column: b,
            layer: attentionLayerName(task, b),
            unit: null,
          })),
        })),
      },
    ];
  },
  settingProblems: () => [],
  shapeProblems: (_s, context) => {
    const problems = blockProblems('MTAN', context);
    const deep = context.encoderShapes.find((l) => (l.shape?.length ?? 0) > 3);
    if (deep)
      problems.push({
        where: 'sharing',
        message: `MTAN masks [features], [steps, features] or [height, width, channels]; ${deep.name} gives more axes`,
      });
    return problems;
  },
  passes: (_s, tasks) => tasks.length + 1,
  singleRepresentation: false,
  build: (_s, context) => {
    const { tf: t, encoder, tasks, x } = context;
    const apply = (layer: tf.layers.Layer, h: tf.SymbolicTensor | tf.SymbolicTensor[]) =>
      layer.apply(h) as tf.SymbolicTensor;
    let shared = x;
    let streams: tf.SymbolicTensor[] = [];
    encoderBlocks(context).forEach((block, b) => {
      const made = block.map((i) => context.encoderLayer(i, encoderLayerName(i, encoder[i]!)));
      const run = (h: tf.SymbolicTensor) => made.reduce((acc, f) => f(acc), h);
      shared = run(shared);
      const channels = shared.shape.at(-1)!;
      streams = tasks.map((task, k) => {
        const input =
          b === 0
            ? shared
            : apply(
                t.layers.concatenate({ name: `${attentionLayerName(task, b)}_input`, axis: -1 }),
                [shared, run(streams[k]!)],
              );
        const init = t.initializers.glorotUniform({ seed: context.nextSeed() });
        const name = attentionLayerName(task, b);
        const mask = apply(
          shared.shape.length === 4
            ? t.layers.conv2d({
                name,
                filters: channels,
                kernelSize: 1,
                activation: 'sigmoid',
                kernelInitializer: init,
              })
            : t.layers.dense({
                name,
                units: channels,
                activation: 'sigmoid',
                kernelInitializer: init,
              }),
          input,
        );
        return apply(t.layers.multiply({ name: `${name}_applied` }), [mask, shared]);
      });
    });
    return (k) => streams[k]!;
  },
  python: (_s, context) => {
    const { encoder, tasks } = context;
    const lines = [`    x = inputs`, `    streams = [None] * ${tasks.length}`];
    encoderBlocks(context).forEach((block, b) => {
      const shape = blockShape(context, block.at(-1));
      for (const i of block)
        lines.push(
          `    layer_${i + 1} = ${context.encoderLayer(i, encoderLayerName(i, encoder[i]!))}`,
        );
      const run = (v: string) => block.reduce((acc, i) => `layer_${i + 1}(${acc})`, v);
      lines.push(`    x = ${run('x')}`);
      tasks.forEach((task, k) => {
        const name = attentionLayerName(task, b);
        const channels = shape.at(-1) ?? 1;
        lines.push(
          b === 0
            ? `    u = x`
            : `    u = layers.Concatenate(axis=-1, name=${py(`${name}_input`)})([x, ${run(`streams[${k}]`)}])`,
          shape.length === 3
            ? `    mask = layers.Conv2D(${channels}, 1, activation="sigmoid", name=${py(name)})(u)`
            : `    mask = layers.Dense(${channels}, activation="sigmoid", name=${py(name)})(u)`,
          `    streams[${k}] = layers.Multiply(name=${py(`${name}_applied`)})([mask, x])`,
        );
      });
    });
    lines.push(`    head_inputs = streams`);
    return lines;
  },
});
