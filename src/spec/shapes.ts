import { layerResult } from '../layers/registry';
import { formatShape, type Shape } from '../layers/shape';
import { inputShape } from './inputShape';
import type { LayerShape } from './layerShape';
import { headLayerName, outputLayerName } from './naming';
import { modeContext, sharingMode, type ModeBlock } from './sharing';
import type { LayerSpec, ModelSpec, Problem } from './types';

export type { Shape } from '../layers/shape';
export type { LayerShape } from './layerShape';
export { inputShape } from './inputShape';

/** A block a sharing mode adds (gate, attention, stitch, own experts), shaped for the diagram. */
export type BlockShape = LayerShape & Pick<ModeBlock, 'label' | 'owner'>;

/** Shapes and sizes of a whole design, as tf.js will build it, and every shape problem. */
export interface ModelShapes {
  input: Shape;
  /** The encoder's layers, once: every expert or column has these. */
  encoder: LayerShape[];
  /** What each head reads: the encoder's output (mixtures, stitches and masks keep its shape). */
  sharedShape: Shape | null;
  /** Trainable weights every task shares (all shared copies and shared blocks). */
  sharedParams: number;
  /** Blocks the sharing mode adds that every task shares (cross-stitch units, PLE's shared gates). */
  sharedBlocks: BlockShape[];
  /** Encoder copies built, for the size budget. */
  passes: number;
  tasks: { name: string; blocks: BlockShape[]; head: LayerShape[]; output: LayerShape }[];
  /** Trainable parameters of the whole model. */
  totalParams: number;
  nonTrainableParams: number;
  problems: Problem[];
}

interface Chain {
  layers: LayerShape[];
  out: Shape | null;
  /** True while the tensor is still raw token ids. */
  tokens: boolean;
}

function chain(
  layers: LayerSpec[],
  names: string[],
  start: Chain,
  vocabSize: number,
  where: (i: number) => string,
  label: (i: number) => string,
  problems: Problem[],
): Chain {
  let shape = start.out;
  let tokens = start.tokens;
  const shapes: LayerShape[] = [];
  layers.forEach((layer, i) => {
    if (shape === null) {
      shapes.push({ name: names[i]!, shape: null, params: 0, nonTrainable: 0 });
      return;
    }
    const r = layerResult(layer, shape, tokens, vocabSize);
    if ('error' in r) {
      problems.push({ where: where(i), message: `${label(i)}: ${r.error}` });
      shapes.push({ name: names[i]!, shape: null, params: 0, nonTrainable: 0 });
      shape = null;
      return;
    }
    shapes.push({
      name: names[i]!,
      shape: r.shape,
      params: r.params,
      nonTrainable: r.nonTrainable,
    });
    shape = r.shape;
    tokens = false;
  });
  return { layers: shapes, out: shape, tokens };
}

const sum = (xs: LayerShape[], key: 'params' | 'nonTrainable'): number =>
  xs.reduce((s, l) => s + l[key], 0);

/** Infers every layer's output shape and weight counts without building anything. */
export function inferShapes(spec: ModelSpec): ModelShapes {
  const problems: Problem[] = [];
  const input = inputShape(spec.input);
  const vocabSize = spec.input.kind === 'tokens' ? spec.input.vocabSize : 0;
  const mode = sharingMode(spec.sharing);
  const taskNames = spec.tasks.map((t) => t.name);
  const copies = mode.copies(spec.sharing, taskNames);
  const encoder = chain(
    spec.encoder,
    spec.encoder.map((l, i) => copies[0]?.name(i, l) ?? `encoder_${i + 1}`),
    { layers: [], out: input, tokens: spec.input.kind === 'tokens' },
    vocabSize,
    (i) => `encoder[${i}]`,
    (i) => `${mode.layerLabel} ${i + 1}`,
    problems,
  );
  let sharedShape = encoder.out;
  if (encoder.tokens && spec.tasks.length > 0) {
    problems.push({
      where: 'encoder',
      message: `Token input ${formatShape(input)} needs an Embedding first: add one to ${mode.encoderLabel}`,
    });
    sharedShape = null;
  }
  const context = modeContext(spec, encoder.layers);
  const modeProblems = sharedShape ? mode.shapeProblems(spec.sharing, context) : [];
  problems.push(...modeProblems);
  if (modeProblems.length) sharedShape = null;
  const blocks: BlockShape[] = (sharedShape ? mode.blocks(spec.sharing, context) : []).map((b) => ({
    name: b.layers[0] ?? b.label,
    label: b.label,
    owner: b.owner,
    shape: b.shape,
    params: b.params,
    nonTrainable: 0,
  }));
  const tasks = spec.tasks.map((task, t) => {
    const head = chain(
      task.head,
      task.head.map((l, i) => headLayerName(task.name, i, l)),
      { layers: [], out: sharedShape, tokens: false },
      vocabSize,
      (i) => `task:${task.name}.head[${i}]`,
      (i) => `Task '${task.name}', head layer ${i + 1}`,
      problems,
    );
    let outputParams = 0;
    if (head.out && head.out.length !== 1) {
      problems.push({
        where: `task:${task.name}`,
        message: `Task '${task.name}': its head ends with ${formatShape(head.out)}; add GlobalAveragePooling, Flatten or a recurrent layer without return sequences before the output`,
      });
    } else if (head.out) {
      outputParams = head.out[0]! * task.outputUnits + task.outputUnits;
    }
    const output: LayerShape = {
      name: outputLayerName(task.name),
      shape: [task.outputUnits],
      params: outputParams,
      nonTrainable: 0,
    };
    return {
      name: task.name,
      blocks: blocks.filter((b) => b.owner === t),
      head: head.layers,
      output,
    };
  });
  const sharedBlocks = blocks.filter((b) => b.owner === null);
  const sharedCopies = copies.filter((c) => c.owner === null).length;
  const sharedParams = sum(encoder.layers, 'params') * sharedCopies + sum(sharedBlocks, 'params');
  const taskParams = tasks.reduce(
    (s, t) => s + sum(t.blocks, 'params') + sum(t.head, 'params') + t.output.params,
    0,
  );
  const nonTrainableParams =
    sum(encoder.layers, 'nonTrainable') * copies.length +
    tasks.reduce((s, t) => s + sum(t.head, 'nonTrainable'), 0);
  return {
    input,
    encoder: encoder.layers,
    sharedShape,
    sharedParams,
    sharedBlocks,
    passes: mode.passes(spec.sharing, taskNames),
    tasks,
    totalParams: sharedParams + taskParams,
    nonTrainableParams,
    problems,
  };
}
