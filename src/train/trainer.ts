import * as tf from '@tensorflow/tfjs';
import { BatchSampler } from '../data/batchSampler';
import type { DeviceData } from '../data/deviceData';
import { deriveSeed } from '../data/random';
import { l2Penalties, parameterGroups, predictTasks } from '../model/buildModel';
import { reseedDropout } from '../model/dropoutSeeds';
import type { ModelSpec, TrainConfig } from '../spec/types';
import { taskLoss, taskMetric } from './losses';
import { createOptimizer, setLearningRate } from './optimizer';

/** The per-task training losses of one step, in task order. */
export interface StepLosses {
  step: number;
  losses: number[];
}

/** Validation losses and metrics of every task at one step. */
export interface Evaluation {
  step: number;
  losses: number[];
  metrics: number[];
}

/** Variables updated together by one optimizer; `tasks` are those whose loss reaches them. */
interface ParamGroup {
  variables: tf.Variable[];
  tasks: number[];
  optimizer: tf.Optimizer;
}

/**
 * Owns the training loop of one model: minimizes Σ λᵢ·Lᵢ (tf.js `fit` has no loss weights),
 * records each Lᵢ on the device and reads them back in batches, never synchronously.
 *
 * Each parameter group (shared encoder, each head) has its own optimizer, and a group is
 * stepped only while some task with λ > 0 reaches it: with λᵢ = 0, head i is frozen exactly,
 * even under Adam, whose momentum would otherwise keep moving it.
 */
export class Trainer {
  private readonly groups: ParamGroup[];
  private readonly sampler: BatchSampler;
  private readonly penalties: { variable: tf.Variable; l2: number }[];
  private lambdas: number[];
  private pending: { step: number; losses: tf.Tensor1D }[] = [];
  private currentStep = 0;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly spec: ModelSpec,
    private config: TrainConfig,
    private readonly data: DeviceData,
  ) {
    const params = parameterGroups(model, spec);
    const allTasks = spec.tasks.map((_, i) => i);
    const make = (variables: tf.Variable[], tasks: number[]): ParamGroup => ({
      variables,
      tasks,
      optimizer: createOptimizer(config.optimizer, config.learningRate),
    });
    this.groups = [
      make(params.shared, allTasks),
      ...params.tasks.map((variables, i) => make(variables, [i])),
    ].filter((g) => g.variables.length > 0);
    this.sampler = new BatchSampler(data.train.size, deriveSeed(config.seed, 1));
    this.penalties = l2Penalties(model, spec);
    this.lambdas = spec.tasks.map((t) => config.lambdas[t.name] ?? 1);
  }

  /** Steps taken so far. */
  get step(): number {
    return this.currentStep;
  }

  /** The λᵢ the next step will use, in task order. */
  get effectiveLambdas(): number[] {
    return [...this.lambdas];
  }

  /** New λ per task name; takes effect on the next step. Unknown names are ignored. */
  setLambdas(lambdas: Record<string, number>): void {
    this.lambdas = this.spec.tasks.map((t, i) => lambdas[t.name] ?? this.lambdas[i]!);
  }

  /** New learning rate for every group; optimizer state is kept. */
  setLearningRate(learningRate: number): void {
    this.config = { ...this.config, learningRate };
    for (const g of this.groups) setLearningRate(g.optimizer, learningRate);
  }

  /** New mini-batch size from the next step on. */
  setBatchSize(batchSize: number): void {
    this.config = { ...this.config, batchSize };
  }

  /** Enqueues one training step on the device. Nothing is read back: see {@link flush}. */
  trainStep(): void {
    const active = this.groups.filter((g) => g.tasks.some((t) => this.lambdas[t]! > 0));
    const variables = active.flatMap((g) => g.variables);
    const indices = this.sampler.next(this.config.batchSize);
    reseedDropout(this.model, this.config.seed, this.currentStep);
    let stepLosses: tf.Tensor1D | undefined;
    tf.tidy(() => {
      const batch = tf.tensor1d(indices, 'int32');
      const x = tf.gather(this.data.train.x, batch);
      const targets = this.data.train.targets.map((t) => tf.gather(t, batch));
      const lambdas = tf.tensor1d(this.lambdas);
      const objective = (): tf.Scalar => {
        const preds = predictTasks(this.model, x, true);
        const losses = tf.stack(
          this.spec.tasks.map((t, i) => taskLoss(t.loss, preds[i]!, targets[i]!)),
        ) as tf.Tensor1D;
        // minimize/variableGrads dispose everything made here but the result: keep the losses.
        stepLosses = tf.keep(losses);
        const weighted = tf.sum(tf.mul(losses, lambdas));
        // Dense L2 penalties (Keras's kernelRegularizer), which tf.js applies only inside fit().
        return this.penalties.reduce(
          (total, p) => tf.add(total, tf.mul(p.l2, tf.sum(tf.square(p.variable)))),
          weighted,
        ) as tf.Scalar;
      };
      if (variables.length === 0) {
        objective(); // every λ is 0: record the losses, move nothing
        return;
      }
      const { grads } = tf.variableGrads(objective, variables);
      const decay = 1 - this.config.learningRate * this.config.weightDecay;
      for (const g of active) {
        const named: tf.NamedTensorMap = {};
        for (const v of g.variables) named[v.name] = grads[v.name]!;
        g.optimizer.applyGradients(named);
        // Decoupled weight decay on kernels only (rank ≥ 2), not on biases and norm scales.
        if (decay < 1) for (const v of g.variables) if (v.rank >= 2) v.assign(tf.mul(v, decay));
      }
    });
    this.currentStep += 1;
    this.pending.push({ step: this.currentStep, losses: stepLosses! });
  }

  /** Reads back the losses of every step since the last flush in one asynchronous transfer. */
  async flush(): Promise<StepLosses[]> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return [];
    const stacked = tf.stack(batch.map((p) => p.losses));
    tf.dispose(batch.map((p) => p.losses));
    const values = await stacked.data();
    stacked.dispose();
    const width = this.spec.tasks.length;
    return batch.map((p, row) => ({
      step: p.step,
      losses: Array.from(values.subarray(row * width, (row + 1) * width)),
    }));
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

  /** Frees optimizer state and any losses not yet read. The model and data belong to the caller. */
  dispose(): void {
    tf.dispose(this.pending.map((p) => p.losses));
    this.pending = [];
    for (const g of this.groups) g.optimizer.dispose();
  }
}
