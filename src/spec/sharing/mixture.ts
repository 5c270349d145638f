import type * as tf from '@tensorflow/tfjs';
import { py, pyTuple } from '../../layers/python';
import type { Shape } from '../../layers/shape';
import { expertLayerName, gateLayerName, taskExpertLayerName } from '../naming';
import type { LayerSpec, Problem } from '../types';
import {
  blockShape,
  encoderBlocks,
  layerSpan,
  sizeOf,
  type EncoderCopy,
  type ModeBlock,
  type ModeContext,
  type Readout,
  type SharingBuild,
  type SharingPython,
} from './def';

/** Most experts a mixture may have (in all, per gate). */
export const MAX_EXPERTS = 16;

/** How a gate turns its input into expert weights. */
export type Gate = { kind: 'softmax' } | { kind: 'dselect'; selectors: number; gamma: number };

/**
 * A mixture of experts, the one shape MMoE, CGC, PLE and DSelect-k share: `shared` experts every
 * task may use, `perTask` experts each task owns, one extraction level (the whole encoder) or one
 * per encoder block (PLE), and the kind of gate.
 */
export interface MixturePlan {
  name: string;
  shared: number;
  perTask: number;
  multiLevel: boolean;
  gate: Gate;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The encoder layers of each extraction level. */
const levelsOf = (plan: MixturePlan, context: ModeContext): number[][] =>
  plan.multiLevel ? encoderBlocks(context) : [context.encoder.map((_, i) => i)];

/** Layer-name suffix of level `level` (none when there is one level, as in MMoE). */
const suffix = (level: number, levels: number): string => (levels > 1 ? `_l${level + 1}` : '');

/** Binary digits that number `experts` experts (DSelect-k's selector codes). */
export const codeBits = (experts: number): number => Math.max(1, Math.ceil(Math.log2(experts)));

/** Weights of a gate over `count` experts reading `inputSize` values. */
function gateParams(gate: Gate, inputSize: number, count: number): number {
  if (gate.kind === 'softmax') return (inputSize + 1) * count;
  return (inputSize + 1) * gate.selectors * (codeBits(count) + 1);
}

export function mixtureCopies(plan: MixturePlan, tasks: string[]): EncoderCopy[] {
  return [
    ...range(plan.shared).map((e) => ({
      owner: null,
      name: (i: number, layer: LayerSpec) => expertLayerName(e, i, layer),
    })),
    ...tasks.flatMap((task, t) =>
      range(plan.perTask).map((j) => ({
        owner: t,
        name: (i: number, layer: LayerSpec) => taskExpertLayerName(task, j, i, layer),
      })),
    ),
  ];
}

export function mixtureBlocks(plan: MixturePlan, context: ModeContext): ModeBlock[] {
  const levels = levelsOf(plan, context);
  const encoderParams = context.encoderShapes.reduce((s, l) => s + l.params, 0);
  const inputSize = (level: number) => sizeOf(blockShape(context, levels[level - 1]?.at(-1)));
  const gate = (level: number, count: number, owner: number | null, name: string): ModeBlock => ({
    label: `${owner === null ? 'Shared gate' : 'Gate'}${levels.length > 1 ? `, level ${level + 1} (${layerSpan(levels[level]!)})` : ''} · ${plan.gate.kind === 'dselect' ? `picks ${plan.gate.selectors} of ` : ''}${count} experts`,
    shape: [count],
    params: gateParams(plan.gate, inputSize(level), count),
    owner,
    layers: [name],
  });
  const perTaskGate = plan.shared + plan.perTask;
  return [
    ...context.tasks.flatMap((task, t) => [
      ...(plan.perTask > 0
        ? [
            {
              label: `${plan.perTask} own expert${plan.perTask > 1 ? 's' : ''}`,
              shape: blockShape(context, context.encoder.length - 1),
              params: plan.perTask * encoderParams,
              owner: t,
              layers: range(plan.perTask).flatMap((j) =>
                context.encoder.map((layer, i) => taskExpertLayerName(task, j, i, layer)),
              ),
            },
          ]
        : []),
      ...levels.map((_, l) =>
        gate(l, perTaskGate, t, gateLayerName(task, suffix(l, levels.length))),
      ),
    ]),
    ...levels
      .slice(0, -1)
      .map((_, l) =>
        gate(
          l,
          plan.shared + plan.perTask * context.tasks.length,
          null,
          `shared_gate${suffix(l, levels.length)}`,
        ),
      ),
  ];
}

/** Gates read numbers: token ids cannot be gated. */
export function mixtureShapeProblems(plan: MixturePlan, context: ModeContext): Problem[] {
  return context.input.kind === 'tokens'
    ? [
        {
          where: 'sharing',
          message: `${plan.name} gates read the input as numbers, which token ids are not: use hard sharing, cross-stitch or MTAN for token inputs`,
        },
      ]
    : [];
}

/** A count setting outside its range, as a message. */
export function countProblem(label: string, value: number, min: number, max: number): Problem[] {
  return Number.isInteger(value) && value >= min && value <= max
    ? []
    : [{ where: 'sharing', message: `${label} must be ${min} to ${max}, got ${String(value)}` }];
}

/** The experts one gate chooses from may not exceed MAX_EXPERTS. */
export function expertTotalProblem(plan: MixturePlan, tasks: string[]): Problem[] {
  const widest = plan.multiLevel
    ? plan.shared + plan.perTask * tasks.length
    : plan.shared + plan.perTask;
  return widest > MAX_EXPERTS
    ? [
        {
          where: 'sharing',
          message: `${plan.name} would gate over ${widest} experts; at most ${MAX_EXPERTS}`,
        },
      ]
    : [];
}

/**
 * Each level's gates as a heatmap over its experts: the shared ones, then each task's own. A
 * task's gate weighs its own experts then the shared ones (the order buildMixture stacks them);
 * PLE's shared gate weighs every task's own experts, then the shared.
 */
export function mixtureReadouts(plan: MixturePlan, context: ModeContext): Readout[] {
  const levels = levelsOf(plan, context);
  const { tasks } = context;
  const ownColumn = (t: number, j: number) => plan.shared + t * plan.perTask + j;
  const columns = [
    ...range(plan.shared).map((e) => `shared ${e + 1}`),
    ...tasks.flatMap((task) => range(plan.perTask).map((j) => `${task} ${j + 1}`)),
  ];
  return levels.map((_, l) => {
    const sfx = suffix(l, levels.length);
    const cells = (layer: string, order: number[]) =>
      order.map((column, unit) => ({ column, layer, unit }));
    const shared = range(plan.shared);
    const rows = tasks.map((task, t) => ({
      label: task,
      cells: cells(gateLayerName(task, sfx), [
        ...range(plan.perTask).map((j) => ownColumn(t, j)),
        ...shared,
      ]),
    }));
    if (l < levels.length - 1)
      rows.push({
        label: 'shared',
        cells: cells(`shared_gate${sfx}`, [
          ...tasks.flatMap((_, t) => range(plan.perTask).map((j) => ownColumn(t, j))),
          ...shared,
        ]),
      });
    return {
      title: levels.length > 1 ? `Gates, level ${l + 1} (${layerSpan(levels[l]!)})` : 'Gates',
      columns,
      rows,
    };
  });
}

/** Builds the experts, gates and mixtures; the last level's task mixtures are made on demand. */
export function buildMixture(
  plan: MixturePlan,
  context: SharingBuild,
): (task: number) => tf.SymbolicTensor {
  const { tf, x, tasks, encoder } = context;
  const apply = (layer: tf.layers.Layer, h: tf.SymbolicTensor | tf.SymbolicTensor[]) =>
    layer.apply(h) as tf.SymbolicTensor;
  const levels = levelsOf(plan, context);
  const flattened = new Map<tf.SymbolicTensor, tf.SymbolicTensor>();
  const gateInput = (h: tf.SymbolicTensor, name: string) => {
    if (h.shape.length <= 2) return h;
    if (!flattened.has(h)) flattened.set(h, apply(tf.layers.flatten({ name }), h));
    return flattened.get(h)!;
  };
  const makeGate = (name: string, count: number): tf.layers.Layer =>
    plan.gate.kind === 'softmax'
      ? tf.layers.dense({
          name,
          units: count,
          activation: 'softmax',
          kernelInitializer: tf.initializers.glorotUniform({ seed: context.nextSeed() }),
        })
      : context.custom.DSelectGate!({
          name,
          experts: count,
          selectors: plan.gate.selectors,
          gamma: plan.gate.gamma,
          seed: context.nextSeed(),
        });

  let sharedIn = x;
  let taskIns = tasks.map(() => x);
  let last: (task: number) => tf.SymbolicTensor = () => x;
  levels.forEach((level, l) => {
    const sfx = suffix(l, levels.length);
    const shape = blockShape(context, level.at(-1));
    const run = (h: tf.SymbolicTensor, name: (i: number, layer: LayerSpec) => string) =>
      level.reduce((acc, i) => context.encoderLayer(i, name(i, encoder[i]!))(acc), h);
    const stack = (h: tf.SymbolicTensor, name: string) =>
      apply(tf.layers.reshape({ name, targetShape: [1, sizeOf(shape)] }), h);
    const concat = (name: string, parts: tf.SymbolicTensor[]) =>
      apply(tf.layers.concatenate({ name, axis: 1 }), parts);
    const shared = range(plan.shared).map((e) =>
      stack(
        run(sharedIn, (i, layer) => expertLayerName(e, i, layer)),
        `shared_expert${e + 1}_stack${sfx}`,
      ),
    );
    const own = tasks.map((task, t) =>
      range(plan.perTask).map((j) =>
        stack(
          run(taskIns[t]!, (i, layer) => taskExpertLayerName(task, j, i, layer)),
          `${task}_expert${j + 1}_stack${sfx}`,
        ),
      ),
    );
    const sharedOnly = plan.perTask === 0 ? concat(`shared_experts${sfx}`, shared) : null;
    const mix = (
      who: string,
      from: tf.SymbolicTensor,
      stacked: tf.SymbolicTensor,
      gate: string,
    ) => {
      const count = stacked.shape[1]!;
      const weights = apply(
        makeGate(gate, count),
        gateInput(from, l === 0 ? 'gate_input' : `${who}_gate_input${sfx}`),
      );
      const mixed = apply(tf.layers.dot({ name: `${who}_mixture${sfx}`, axes: [1, 1] }), [
        weights,
        stacked,
      ]);
      return shape.length > 1
        ? apply(
            tf.layers.reshape({ name: `${who}_mixture${sfx}_shape`, targetShape: shape }),
            mixed,
          )
        : mixed;
    };
    const forTask = (t: number) =>
      mix(
        tasks[t]!,
        taskIns[t]!,
        sharedOnly ?? concat(`${tasks[t]}_experts${sfx}`, [...own[t]!, ...shared]),
        gateLayerName(tasks[t]!, sfx),
      );
    if (l < levels.length - 1) {
      const nextShared = mix(
        'shared',
        sharedIn,
        concat(`shared_all_experts${sfx}`, [...own.flat(), ...shared]),
        `shared_gate${sfx}`,
      );
      taskIns = tasks.map((_, t) => forTask(t));
      sharedIn = nextShared;
    } else last = forTask;
  });
  return last;
}

/** The Keras twin of buildMixture: the same layers under the same names. */
export function pythonMixture(plan: MixturePlan, context: SharingPython): string[] {
  const { tasks, encoder } = context;
  const levels = levelsOf(plan, context);
  const lines = [`    shared_in = inputs`, `    task_ins = [inputs] * ${tasks.length}`];
  const gateCall = (name: string, count: number) =>
    plan.gate.kind === 'softmax'
      ? `layers.Dense(${count}, activation="softmax", name=${py(name)})`
      : `DSelectGate(experts=${count}, selectors=${plan.gate.selectors}, gamma=${plan.gate.gamma}, name=${py(name)})`;
  levels.forEach((level, l) => {
    const sfx = suffix(l, levels.length);
    const shape: Shape = blockShape(context, level.at(-1));
    const expert = (from: string, list: string, stackName: string, name: (i: number) => string) => [
      `    x = ${from}`,
      ...level.map((i) => `    x = ${context.encoderLayer(i, name(i))}(x)`),
      `    ${list}.append(layers.Reshape((1, ${sizeOf(shape)}), name=${py(stackName)})(x))`,
    ];
    lines.push(`    shared_stacks = []`);
    range(plan.shared).forEach((e) =>
      lines.push(
        ...expert('shared_in', 'shared_stacks', `shared_expert${e + 1}_stack${sfx}`, (i) =>
          expertLayerName(e, i, encoder[i]!),
        ),
      ),
    );
    lines.push(`    own_stacks = [[] for _ in range(${tasks.length})]`);
    tasks.forEach((task, t) =>
      range(plan.perTask).forEach((j) =>
        lines.push(
          ...expert(
            `task_ins[${t}]`,
            `own_stacks[${t}]`,
            `${task}_expert${j + 1}_stack${sfx}`,
            (i) => taskExpertLayerName(task, j, i, encoder[i]!),
          ),
        ),
      ),
    );
    if (plan.perTask === 0)
      lines.push(
        `    shared_stacked = layers.Concatenate(axis=1, name=${py(`shared_experts${sfx}`)})(shared_stacks)`,
      );
    const previous = l === 0 ? context.inputShape : blockShape(context, levels[l - 1]!.at(-1));
    const gateInput = (who: string, from: string) =>
      l === 0
        ? 'gate_input'
        : previous.length > 1
          ? `layers.Flatten(name=${py(`${who}_gate_input${sfx}`)})(${from})`
          : from;
    if (l === 0)
      lines.push(
        `    gate_input = ${previous.length > 1 ? 'layers.Flatten(name="gate_input")(inputs)' : 'inputs'}`,
      );
    const mix = (who: string, from: string, stacked: string, count: number, gate: string) => [
      `    gate = ${gateCall(gate, count)}(${gateInput(who, from)})`,
      `    h = layers.Dot(axes=(1, 1), name=${py(`${who}_mixture${sfx}`)})([gate, ${stacked}])`,
      ...(shape.length > 1
        ? [`    h = layers.Reshape(${pyTuple(shape)}, name=${py(`${who}_mixture${sfx}_shape`)})(h)`]
        : []),
    ];
    const taskMix = (task: string, t: number) =>
      mix(
        task,
        `task_ins[${t}]`,
        plan.perTask === 0
          ? 'shared_stacked'
          : `layers.Concatenate(axis=1, name=${py(`${task}_experts${sfx}`)})(own_stacks[${t}] + shared_stacks)`,
        plan.shared + plan.perTask,
        gateLayerName(task, sfx),
      );
    if (l < levels.length - 1) {
      lines.push(
        ...mix(
          'shared',
          'shared_in',
          `layers.Concatenate(axis=1, name=${py(`shared_all_experts${sfx}`)})(sum(own_stacks, []) + shared_stacks)`,
          plan.shared + plan.perTask * tasks.length,
          `shared_gate${sfx}`,
        ),
        `    next_shared = h`,
        `    next_tasks = []`,
      );
      tasks.forEach((task, t) => lines.push(...taskMix(task, t), `    next_tasks.append(h)`));
      lines.push(`    shared_in, task_ins = next_shared, next_tasks`);
    } else {
      lines.push(`    head_inputs = []`);
      tasks.forEach((task, t) => lines.push(...taskMix(task, t), `    head_inputs.append(h)`));
    }
  });
  return lines;
}
