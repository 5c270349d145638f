import * as tf from '@tensorflow/tfjs';
import { BatchSampler } from '../data/batchSampler';
import type { DeviceData } from '../data/deviceData';
import { deriveSeed } from '../data/random';
import {
  l2Penalties,
  parameterGroups,
  predictTasks,
  variablePlaces,
  type ParameterGroups,
  type VariablePlace,
} from '../model/buildModel';
import { layerScales } from '../spec/blocks';
import { Consolidation, fisherDiagonal, type Anchor } from './continual/consolidation';
import { stageOf } from './continual/stages';
import { reseedDropout } from '../model/dropoutSeeds';
import { keepingStatistics } from '../model/keepStatistics';
import { splitAtRepresentation, type Encoded, type SplitModel } from '../model/splitModel';
import type { BlockTraining, ModelSpec, SequenceSettings, TrainConfig } from '../spec/types';
import type { WeightingSettings } from '../spec/weighting';
import { taskLoss, taskMetric } from './losses';
import { createGroup, regroup, stepGroups, type ParamGroup } from './paramGroups';
import {
  disposeTaskGradients,
  readGram,
  readProducts,
  taskGradients,
  type GradientBatch,
  type TaskGradients,
} from './taskGradients';
import { cosines } from './weighting/gram';
import {
  createWeighting,
  type GradientWeighting,
  type GramWeighting,
  type LossWeighting,
  type Weighting,
} from './weighting';

export type { Evaluation, StepLosses } from './records';
import type { Evaluation, StepLosses } from './records';

/**
 * Owns the training loop of one model. tf.js `fit` has no loss weights, so the Trainer minimizes
 * the strategy's objective itself: Σ λᵢ·Lᵢ for loss weightings (one backward pass), or a
 * combination of per-task gradients for gradient strategies. Per-step losses and weights stay
 * on the device and are read back in batches, never synchronously.
 *
 * Each parameter group (shared part, each head) has its own optimizer. Under static λ a group is
 * stepped only while some task with λ > 0 reaches it: with λᵢ = 0, head i is frozen exactly, even
 * under Adam, whose momentum would otherwise keep moving it. A frozen block (`config.blocks`) is
 * left out of its group altogether: no gradient is taken for it and nothing moves it, its
 * BatchNorm statistics included.
 */
export class Trainer {
  private shared: ParamGroup | null;
  private heads: (ParamGroup | null)[];
  private readonly params: ParameterGroups;
  private readonly places: Map<tf.Variable, VariablePlace>;
  /** Running statistics (BatchNorm) of frozen layers, put back after every step. */
  private frozenStatistics: tf.Variable[] = [];
  /** A task sequence's replay buffers and EWC anchors (null when tasks train jointly). */
  private readonly consolidation: Consolidation | null;
  private readonly sampler: BatchSampler;
  private readonly penalties: { variable: tf.Variable; l2: number }[];
  private readonly split: SplitModel | null;
  private weighting: Weighting;
  private weightingGroup: ParamGroup | null;
  private lambdas: number[];
  private pending: { step: number; record: tf.Tensor1D }[] = [];
  private currentStep = 0;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly spec: ModelSpec,
    private config: TrainConfig,
    private readonly data: DeviceData,
  ) {
    this.params = parameterGroups(model, spec);
    this.places = variablePlaces(model);
    this.shared = null;
    this.heads = spec.tasks.map(() => null);
    this.setBlocks(config.blocks);
    this.sampler = new BatchSampler(data.train.size, deriveSeed(config.seed, 1));
    this.penalties = l2Penalties(model, spec);
    this.split = splitAtRepresentation(model, spec);
    this.lambdas = spec.tasks.map((t) => config.lambdas[t.name] ?? 1);
    this.weighting = this.createWeighting(config.weighting);
    this.weightingGroup = this.groupFor(this.weighting);
    const { sequence } = config;
    this.consolidation = sequence
      ? new Consolidation(
          sequence,
          sequence.order.map((name) => spec.tasks.findIndex((t) => t.name === name)),
          config.seed,
          data.train.size,
        )
      : null;
  }

  /**
   * Continues the step count of a run restored from a checkpoint, so curves, evaluation and the
   * step budget carry on. Optimizer moments and batch order start afresh.
   */
  resumeAt(step: number): void {
    this.currentStep = step;
  }

  /** Steps taken so far. */
  get step(): number {
    return this.currentStep;
  }

  /** The learning rate in use now. */
  get learningRate(): number {
    return this.config.learningRate;
  }

  /** The λᵢ the sliders set (used by the static strategy), in task order. */
  get sliderLambdas(): number[] {
    return [...this.lambdas];
  }

  /** New λ per task name; takes effect on the next step. Unknown names are ignored. */
  setLambdas(lambdas: Record<string, number>): void {
    this.lambdas = this.spec.tasks.map((t, i) => lambdas[t.name] ?? this.lambdas[i]!);
  }

  /** New learning rate for every group; optimizer state is kept. */
  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, learningRate };
    for (const g of this.allGroups()) g.setLearningRate(learningRate);
  }

  /** New mini-batch size from the next step on. */
  setBatchSize(batchSize: number): void {
    this.config = { ...this.config, batchSize };
  }

  /**
   * Freezes, unfreezes or rescales blocks from the next step on. Variables that stay in training
   * keep their optimizer state; an unfrozen one starts with fresh moments.
   */
  setBlocks(blocks: Record<string, BlockTraining> | undefined): void {
    this.config = { ...this.config, blocks };
    const scaleOf = layerScales(this.spec, blocks);
    const scale = (v: tf.Variable) => scaleOf.get(this.places.get(v)!.layer) ?? 1;
    const keyOf = (v: tf.Variable) => this.places.get(v)!.key;
    const group = (old: ParamGroup | null, all: tf.Variable[]) => {
      const variables = all.filter((v) => scale(v) > 0);
      return regroup(old, variables, variables.map(scale), keyOf, {
        kind: this.config.optimizer,
        learningRate: this.config.learningRate,
      });
    };
    this.shared = group(this.shared, this.params.shared);
    this.heads = this.params.tasks.map((variables, i) => group(this.heads[i]!, variables));
    this.frozenStatistics = this.model.layers
      .filter((layer) => scaleOf.get(layer.name) === 0)
      .flatMap((layer) => layer.nonTrainableWeights.map((w) => w.read() as tf.Variable));
  }

  /** Switches strategy (or its hyper-parameters) from the next step on; the model keeps training. */
  setWeighting(settings: WeightingSettings): void {
    this.disposeWeighting();
    this.config = { ...this.config, weighting: settings };
    this.weighting = this.createWeighting(settings);
    this.weightingGroup = this.groupFor(this.weighting);
  }

  /** One training step. Loss weightings only enqueue device work; gradient strategies read back their T×T Gram matrix. */
  async trainStep(): Promise<void> {
    const batch = this.sampler.next(this.config.batchSize);
    reseedDropout(this.model, this.config.seed, this.currentStep);
    const statistics = this.frozenStatistics.map((v) => tf.clone(v));
    const { sequence } = this.config;
    const record =
      sequence && this.consolidation
        ? this.sequenceStep(sequence, this.consolidation, batch)
        : this.weighting.family === 'loss'
          ? this.lossStep(this.weighting, batch)
          : await this.gradientStep(this.weighting, batch);
    this.frozenStatistics.forEach((v, i) => v.assign(statistics[i]!));
    tf.dispose(statistics);
    this.currentStep += 1;
    this.pending.push({ step: this.currentStep, record });
  }

  /** Reads back the losses and weights of every step since the last flush in one transfer. */
  async flush(): Promise<StepLosses[]> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return [];
    const stacked = tf.stack(batch.map((p) => p.record));
    tf.dispose(batch.map((p) => p.record));
    const values = await stacked.data();
    stacked.dispose();
    const width = this.spec.tasks.length;
    const steps = batch.map((p, row) => {
      const at = row * 2 * width;
      return {
        step: p.step,
        losses: Array.from(values.subarray(at, at + width)),
        weights: Array.from(values.subarray(at + width, at + 2 * width)),
      };
    });
    if (this.weighting.family === 'loss' && !this.consolidation) this.weighting.observe(steps);
    return steps;
  }

  /** Validation loss and metric of every task on the whole validation split (dropout off). */
  async evaluate(): Promise<Evaluation> {
    const { val } = this.data;
    const width = this.spec.tasks.length;
    const result = tf.tidy(() => {
      const preds = predictTasks(this.model, val.x, false);
      const losses = this.spec.tasks.map((t, i) => taskLoss(t.loss, preds[i]!, val.targets[i]!));
      const metrics = this.spec.tasks.map((t, i) =>
        taskMetric(t.metric, t.loss, preds[i]!, val.targets[i]!),
      );
      return tf.stack([...losses, ...metrics]);
    });
    const values = await result.data();
    result.dispose();
    return {
      step: this.currentStep,
      losses: Array.from(values.subarray(0, width)),
      metrics: Array.from(values.subarray(width, 2 * width)),
    };
  }

  /**
   * Cosine similarity of every pair of task gradients on the shared parameters, on one training
   * batch: negative means the tasks pull the shared part apart. Null when nothing is shared.
   */
  async gradientCosines(): Promise<number[][] | null> {
    if (!this.shared || this.spec.tasks.length < 2) return null;
    const batch = this.gradientBatch(this.sampler.next(this.config.batchSize));
    const grads = taskGradients(batch.batch, null);
    tf.dispose(batch.owned);
    const { gram } = await readGram(grads);
    disposeTaskGradients(grads);
    return cosines(gram);
  }

  /** Frees optimizer state, strategy state and any losses not yet read. The model and data belong to the caller. */
  dispose(): void {
    tf.dispose(this.pending.map((p) => p.record));
    this.pending = [];
    for (const g of [this.shared, ...this.heads]) g?.dispose();
    this.disposeWeighting();
    this.split?.dispose();
    this.consolidation?.dispose();
  }

  /**
   * One step of a task sequence: the stage's task on the batch, each earlier task on a batch of
   * its kept examples (replay), plus the EWC penalty of the earlier stages. Only the heads of the
   * tasks trained here move. The weighting strategy is not used: a stage has one task.
   */
  private sequenceStep(
    sequence: SequenceSettings,
    consolidation: Consolidation,
    indices: Int32Array,
  ): tf.Tensor1D {
    const stage = stageOf(this.currentStep, sequence);
    consolidation.reach(stage, (task, examples) => this.anchor(task, examples));
    const current = consolidation.taskOf[stage]!;
    const replay = consolidation.replayBatches(this.config.batchSize);
    const trained = new Set([current, ...replay.map((r) => r.task)]);
    const groups = [this.shared, ...this.heads.filter((_, i) => trained.has(i))].filter(
      (g): g is ParamGroup => g !== null,
    );
    const all = replay.length ? concatIndices([indices, ...replay.map((r) => r.indices)]) : indices;
    return tf.tidy(() => {
      const { x, targets } = this.slice(all);
      const b = indices.length;
      let record: tf.Tensor1D | undefined;
      const objective = (): tf.Scalar => {
        const preds = predictTasks(this.model, x, true);
        const losses = tf.stack(
          this.spec.tasks.map((t, i) =>
            taskLoss(t.loss, tf.slice(preds[i]!, 0, b), tf.slice(targets[i]!, 0, b)),
          ),
        ) as tf.Tensor1D;
        let total: tf.Scalar = tf.squeeze(tf.slice(losses, current, 1));
        let at = b;
        for (const { task, indices: kept } of replay) {
          const rows = (t: tf.Tensor) => tf.slice(t, at, kept.length);
          const loss = taskLoss(
            this.spec.tasks[task]!.loss,
            rows(preds[task]!),
            rows(targets[task]!),
          );
          total = tf.add(total, loss);
          at += kept.length;
        }
        const penalty = consolidation.penalty();
        if (penalty) total = tf.add(total, penalty);
        const weights = tf.tensor1d(this.spec.tasks.map((_, i) => (trained.has(i) ? 1 : 0)));
        record = tf.keep(tf.concat([losses, weights]) as tf.Tensor1D);
        return this.withPenalties(total);
      };
      const { grads } = tf.variableGrads(
        objective,
        groups.flatMap((g) => g.variables),
      );
      stepGroups(
        groups.map((group) => ({
          group,
          grads: group.variables.map((v) => grads[v.name] ?? null),
        })),
        this.decay(),
      );
      return record!;
    });
  }

  /** EWC's anchor for a task whose stage just ended: the shared weights now, and their Fisher diagonal. */
  private anchor(task: number, examples: Int32Array): Anchor {
    const variables = this.shared?.variables ?? [];
    const { loss } = this.spec.tasks[task]!;
    const fisher = fisherDiagonal(
      variables,
      (n) => {
        const { x, targets } = this.slice(examples.subarray(n, n + 1));
        return taskLoss(loss, predictTasks(this.model, x, false)[task]!, targets[task]!);
      },
      examples.length,
    );
    return { variables, star: variables.map((v) => tf.clone(v)), fisher };
  }

  private lossStep(weighting: LossWeighting, indices: Int32Array): tf.Tensor1D {
    const active = (task: number) =>
      this.config.weighting.strategy !== 'static' || this.lambdas[task]! > 0;
    const heads = this.heads.map((g, i) => (active(i) ? g : null));
    const shared = this.spec.tasks.some((_, i) => active(i)) ? this.shared : null;
    const groups = [shared, ...heads, this.weightingGroup].filter(
      (g): g is ParamGroup => g !== null,
    );
    return tf.tidy(() => {
      const { x, targets } = this.slice(indices);
      let record: tf.Tensor1D | undefined;
      const objective = (): tf.Scalar => {
        const preds = predictTasks(this.model, x, true);
        const losses = tf.stack(
          this.spec.tasks.map((t, i) => taskLoss(t.loss, preds[i]!, targets[i]!)),
        ) as tf.Tensor1D;
        const { total, weights } = weighting.objective(losses, this.lambdas);
        // variableGrads disposes everything made here but its result: keep the record.
        record = tf.keep(tf.concat([losses, weights]) as tf.Tensor1D);
        return this.withPenalties(total);
      };
      const variables = groups.flatMap((g) => g.variables);
      if (variables.length === 0) {
        objective(); // every λ is 0: record the losses, move nothing
        return record!;
      }
      const { grads } = tf.variableGrads(objective, variables);
      stepGroups(
        groups.map((group) => ({
          group,
          grads: group.variables.map((v) => grads[v.name] ?? null),
        })),
        this.decay(),
      );
      weighting.afterStep?.(this.lossesAfterStep(x, targets));
      return record!;
    });
  }

  /**
   * The moved model's per-task losses on the step's own batch, with the step's dropout masks and
   * BatchNorm's running statistics left as the step left them.
   */
  private lossesAfterStep(x: tf.Tensor, targets: tf.Tensor[]): tf.Tensor1D {
    reseedDropout(this.model, this.config.seed, this.currentStep);
    return keepingStatistics(this.model, () => {
      const preds = predictTasks(this.model, x, true);
      return tf.stack(
        this.spec.tasks.map((t, i) => taskLoss(t.loss, preds[i]!, targets[i]!)),
      ) as tf.Tensor1D;
    });
  }

  private async gradientStep(
    weighting: GradientWeighting,
    indices: Int32Array,
  ): Promise<tf.Tensor1D> {
    const prepared = this.gradientBatch(indices);
    const split = weighting.level === 'representation' ? this.split : null;
    const grads = taskGradients(prepared.batch, split);
    try {
      // A strategy working on the device reads nothing back; the others read the Gram matrix.
      const combined = weighting.direction ? null : await this.combine(weighting, grads, indices);
      return tf.tidy(() => {
        const { direction, weights, headScales } = combined
          ? {
              direction: tf.reshape(
                tf.matMul(tf.tensor2d([combined.coefficients]), grads.matrix),
                [-1],
              ),
              weights: tf.tensor1d(combined.coefficients),
              headScales: tf.tensor1d(combined.headScales),
            }
          : weighting.direction!(grads.matrix, grads.losses);
        const heads = this.heads.flatMap((group, i) =>
          group
            ? [{ group, grads: grads.heads[i]!.map((t) => tf.mul(t, tf.gather(headScales, i))) }]
            : [],
        );
        const shared = this.shared && {
          group: this.shared,
          grads: this.sharedGradients(direction, grads.encoded, prepared.batch.x, split),
        };
        stepGroups(shared ? [shared, ...heads] : heads, this.decay());
        return tf.concat([grads.losses, weights]) as tf.Tensor1D;
      });
    } finally {
      disposeTaskGradients(grads);
      tf.dispose(prepared.owned);
    }
  }

  /** A Gram strategy's coefficients and head scales from this step's read-back Gram matrix. */
  private async combine(weighting: GramWeighting, grads: TaskGradients, indices: Int32Array) {
    const split = weighting.level === 'representation' ? this.split : null;
    const summed = split && this.config.weighting.representationGram === 1;
    const { gram, losses } = await readGram(grads, summed ? indices.length : undefined);
    const cross = weighting.doubleSampling ? await this.crossProducts(split) : undefined;
    return weighting.combine(gram, losses, cross);
  }

  /** g¹ᵢ·g²ⱼ for the task gradients of two fresh, independent batches (double sampling). */
  private async crossProducts(split: SplitModel | null): Promise<number[][]> {
    const [a, b] = [0, 1].map(() => {
      const prepared = this.gradientBatch(this.sampler.next(this.config.batchSize));
      const grads = taskGradients(prepared.batch, split);
      tf.dispose(prepared.owned);
      return grads;
    }) as [TaskGradients, TaskGradients];
    try {
      return await readProducts(a.matrix, b.matrix);
    } finally {
      disposeTaskGradients(a);
      disposeTaskGradients(b);
    }
  }

  /** The combined direction as gradients of the shared variables: a vector–Jacobian product through the encoder at the representation level, an unflattening at the parameter level. */
  private sharedGradients(
    direction: tf.Tensor,
    encoded: Encoded | null,
    x: tf.Tensor,
    split: SplitModel | null,
  ): tf.Tensor[] {
    const variables = this.shared!.variables;
    if (split && encoded)
      return split.encoderVjp(x, encoded, tf.reshape(direction, encoded.h.shape), variables);
    const sizes = variables.map((v) => v.size);
    return tf.split(direction, sizes).map((part, i) => tf.reshape(part, variables[i]!.shape));
  }

  /** The batch for per-task gradients; the caller disposes `owned`. */
  private gradientBatch(indices: Int32Array): { batch: GradientBatch; owned: tf.Tensor[] } {
    const [x, ...targets] = tf.tidy(() => {
      const sliced = this.slice(indices);
      return [sliced.x, ...sliced.targets];
    });
    return {
      batch: {
        model: this.model,
        tasks: this.spec.tasks,
        x: x!,
        targets,
        shared: this.shared?.variables ?? [],
        heads: this.heads.map((g) => g?.variables ?? []),
      },
      owned: [x!, ...targets],
    };
  }

  private slice(indices: Int32Array): { x: tf.Tensor; targets: tf.Tensor[] } {
    const batch = tf.tensor1d(indices, 'int32');
    return {
      x: tf.gather(this.data.train.x, batch),
      targets: this.data.train.targets.map((t) => tf.gather(t, batch)),
    };
  }

  /** Dense L2 penalties (Keras's kernelRegularizer), which tf.js applies only inside fit(). */
  private withPenalties(total: tf.Scalar): tf.Scalar {
    return this.penalties.reduce(
      (sum, p) => tf.add(sum, tf.mul(p.l2, tf.sum(tf.square(p.variable)))),
      total,
    ) as tf.Scalar;
  }

  private decay(): number {
    return 1 - this.config.learningRate * this.config.weightDecay;
  }

  private createWeighting(settings: WeightingSettings): Weighting {
    return createWeighting(settings, {
      tasks: this.spec.tasks.length,
      seed: this.config.seed,
      learningRate: this.config.learningRate,
      representation: this.split !== null,
    });
  }

  private groupFor(weighting: Weighting): ParamGroup | null {
    return weighting.family === 'loss'
      ? createGroup(weighting.variables, this.config.optimizer, this.config.learningRate)
      : null;
  }

  private allGroups(): ParamGroup[] {
    return [this.shared, ...this.heads, this.weightingGroup].filter(
      (g): g is ParamGroup => g !== null,
    );
  }

  private disposeWeighting(): void {
    this.weightingGroup?.dispose();
    this.weightingGroup = null;
    this.weighting.dispose();
  }
}

/** Several index batches as one. */
function concatIndices(parts: Int32Array[]): Int32Array {
  const all = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => {
    all.set(p, at);
    return at + p.length;
  }, 0);
  return all;
}
