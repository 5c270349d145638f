import * as tf from '@tensorflow/tfjs';
import type { OptimizerKind } from '../spec/types';
import { updateRule, type UpdateRule } from './updateRules';

/**
 * Variables updated together by one optimizer of their own (the shared part, one head, a
 * strategy's weights), so that a head can be frozen exactly by not stepping its group: Adam's
 * momentum would otherwise keep moving it.
 *
 * The optimizer's arithmetic runs on flat vectors (`stepGroups`): tf.js's optimizers run it per
 * variable — about 14 kernels per variable for Adam, half of all the kernels of a step on a small
 * model, where a step costs what its kernel launches cost, not their size.
 */
export class ParamGroup {
  readonly sizes: number[];
  readonly size: number;
  readonly rule: UpdateRule;
  /** The optimizer's state (moments), one flat vector per slot of the rule. */
  readonly state: tf.Variable[];
  /** Steps taken: the bias corrections' t. */
  iterations = 0;

  /**
   * Each variable's multiple of the group's learning rate (a block's learning-rate multiplier).
   * Every rule's step is proportional to the rate, so scaling the step scales the rate, and the
   * moments stay what they would be.
   */
  scales: number[];

  constructor(
    readonly variables: tf.Variable[],
    readonly kind: OptimizerKind,
    public learningRate: number,
    scales?: number[],
  ) {
    this.scales = scales ?? variables.map(() => 1);
    this.sizes = variables.map((v) => v.size);
    this.size = this.sizes.reduce((a, b) => a + b, 0);
    this.rule = updateRule(kind, tf.backend().epsilon());
    this.state = Array.from({ length: this.rule.slots }, () =>
      tf.tidy(() => tf.variable(tf.zeros([this.size]), false)),
    );
  }

  /** The rate of the next steps; the optimizer's state (moments) is kept. */
  setLearningRate(learningRate: number): void {
    this.learningRate = learningRate;
  }

  /** Frees the optimizer's state; the variables belong to the model. */
  dispose(): void {
    tf.dispose(this.state);
  }
}

/** A group and its gradients in variable order (null = no gradient). */
export interface GroupStep {
  group: ParamGroup;
  grads: (tf.Tensor | null)[];
}

/**
 * One optimizer step of each group, then decoupled weight decay w ← decay·w on kernels only
 * (rank ≥ 2: not biases or norms). A missing gradient counts as zero (the moments still decay,
 * as when tf.js is given zeros).
 *
 * Groups with the same optimizer, learning rate and step count — every group of a run, unless a
 * head sat frozen at λ = 0 for a while — take their step as one: one concat of all gradients and
 * of each moment, the rule's arithmetic once, one split back. Each group's numbers are what its
 * own optimizer would compute; only the kernel launches are shared.
 */
export function stepGroups(steps: GroupStep[], decay: number): void {
  const batches = new Map<string, GroupStep[]>();
  for (const s of steps) {
    const key = `${s.group.kind} ${s.group.learningRate} ${s.group.iterations}`;
    batches.set(key, [...(batches.get(key) ?? []), s]);
  }
  tf.tidy(() => batches.forEach((batch) => stepTogether(batch, decay)));
}

const joined = (parts: tf.Tensor[]): tf.Tensor =>
  parts.length === 1 ? parts[0]! : tf.concat(parts);
const cut = (whole: tf.Tensor, sizes: number[]): tf.Tensor[] =>
  sizes.length === 1 ? [whole] : tf.split(whole, sizes);

function stepTogether(batch: GroupStep[], decay: number): void {
  const groups = batch.map((s) => s.group);
  const { rule, learningRate } = groups[0]!;
  const t = groups[0]!.iterations + 1;
  for (const g of groups) g.iterations = t;
  const variables = groups.flatMap((g) => g.variables);
  const grads = batch.flatMap(({ group, grads }) =>
    group.variables.map((v, i) => grads[i] ?? tf.zerosLike(v)),
  );
  const scales = groups.flatMap((g) => g.scales);
  const apply = (v: tf.Variable, delta: tf.Tensor, i: number) => {
    const scale = scales[i]!;
    const stepped = tf.sub(v, scale === 1 ? delta : tf.mul(delta, scale));
    v.assign(decay < 1 && v.rank >= 2 ? tf.mul(stepped, decay) : stepped);
  };
  if (rule.slots === 0) {
    // Stateless (SGD): two kernels per variable; flattening would cost more than it saves.
    variables.forEach((v, i) => apply(v, rule.update(grads[i]!, [], t, learningRate).delta, i));
    return;
  }
  const gradient = joined(grads.map((g) => (g.rank === 1 ? g : tf.reshape(g, [-1]))));
  const state = Array.from({ length: rule.slots }, (_, k) =>
    joined(groups.map((g) => g.state[k]!)),
  );
  const { delta, state: next } = rule.update(gradient, state, t, learningRate);
  cut(
    delta,
    groups.flatMap((g) => g.sizes),
  ).forEach((part, i) => {
    const v = variables[i]!;
    apply(v, v.rank === 1 ? part : tf.reshape(part, v.shape), i); // a bias needs no reshape kernel
  });
  next.forEach((slot, k) =>
    cut(
      slot,
      groups.map((g) => g.size),
    ).forEach((part, j) => groups[j]!.state[k]!.assign(part)),
  );
}

/** A group with a fresh optimizer, or null when there is nothing to train. */
export function createGroup(
  variables: tf.Variable[],
  kind: OptimizerKind,
  learningRate: number,
): ParamGroup | null {
  return variables.length ? new ParamGroup(variables, kind, learningRate) : null;
}

/**
 * The group of `variables` (with their scales), keeping the optimizer state and step count each
 * of them had in `old` — matched by `keyOf`, so a variable of a rebuilt model finds its
 * predecessor's moments — and fresh (zero) moments for the others. Disposes `old`.
 */
export function regroup(
  old: ParamGroup | null,
  variables: tf.Variable[],
  scales: number[],
  keyOf: (v: tf.Variable) => string,
  fallback: { kind: OptimizerKind; learningRate: number },
): ParamGroup | null {
  if (
    old &&
    variables.length === old.variables.length &&
    variables.every((v, i) => v === old.variables[i])
  ) {
    old.scales = scales;
    return old;
  }
  const group = variables.length
    ? new ParamGroup(
        variables,
        old?.kind ?? fallback.kind,
        old?.learningRate ?? fallback.learningRate,
        scales,
      )
    : null;
  if (group && old) {
    group.iterations = old.iterations;
    const offsets = new Map<string, { at: number; size: number }>();
    old.variables.reduce((at, v, i) => {
      offsets.set(keyOf(v), { at, size: old.sizes[i]! });
      return at + old.sizes[i]!;
    }, 0);
    tf.tidy(() =>
      group.state.forEach((slot, k) => {
        const parts = variables.map((v) => {
          const was = offsets.get(keyOf(v));
          return was && was.size === v.size
            ? tf.slice(old.state[k]!, was.at, was.size)
            : tf.zeros([v.size]);
        });
        slot.assign(joined(parts));
      }),
    );
  }
  old?.dispose();
  return group;
}
