import * as tf from '@tensorflow/tfjs';
import type { Post } from './protocol';
import type { Run } from './run';
import { postConfusion, postDecisionMaps } from './runOutputs';
import { firstNonFinite } from './stepPolicy';
import type { StepLosses } from '../train/trainer';
import { computeInsights } from '../train/insights/compute';
import { isWatching } from '../train/insights/views';

/**
 * Posts the losses of a chunk of steps, read back in `ms`; false when a loss is not finite. Then
 * only the steps before it are posted, so the curves stay clean, and the run is marked diverged.
 */
export function postSteps(run: Run, all: StepLosses[], ms: number, post: Post): boolean {
  const bad = firstNonFinite(all);
  const steps = bad ? all.slice(0, bad.index) : all;
  if (steps.length) {
    const { numTensors: tensors, numBytes: bytes } = tf.memory(); // bookkeeping only: no sync
    post({
      type: 'metrics',
      runId: run.id,
      steps,
      stepsPerSecond: (all.length * 1000) / Math.max(ms, 1e-3),
      memory: { tensors, bytes },
    });
  }
  if (!bad) return true;
  run.diverged = true;
  post({
    type: 'diverged',
    runId: run.id,
    task: run.design.spec.tasks[bad.task]!.name,
    step: all[bad.index]!.step,
    value: bad.value,
    learningRate: run.trainer.learningRate,
  });
  return false;
}

/**
 * Validates the run's current weights and posts what the UI shows of them. The gradient cosines
 * and decision maps cost more than the validation itself (on the default example, cosines ≈ 8
 * training steps, maps ≈ 3, the losses ≈ 1): they are computed only with `views`, and the caller
 * limits them to a few per second. Times come from `clock`: the views' into `run.lastViews`, the
 * validation's own into `run.lastValidation` (the validation budget; the views do not count).
 */
export async function postValidation(
  run: Run,
  post: Post,
  clock: () => number,
  views: boolean,
): Promise<void> {
  const started = clock();
  const evaluation = await run.trainer.evaluate();
  const ms = clock() - started;
  const cosines = views ? await run.trainer.gradientCosines() : null;
  run.lastEvalStep = evaluation.step;
  post({ type: 'validation', runId: run.id, evaluation, cosines });
  if (views) {
    await postDecisionMaps(run, evaluation.step, post);
    run.lastViews = { step: evaluation.step, at: started };
  }
  await postConfusion(run, post);
  run.lastValidation = { endedAt: clock(), ms };
}

/**
 * Computes the why views the page shows for the run's current weights and posts them; records
 * when and at what cost, so that training pays at most a set share of its time for them.
 */
export async function postInsights(run: Run, post: Post, clock: () => number): Promise<void> {
  if (!isWatching(run.insights)) return;
  const started = clock();
  const step = run.trainer.step;
  const { spec, data } = run.design;
  const insights = await computeInsights(
    { model: run.model, spec, data, val: run.data.val },
    run.insights,
  );
  run.lastInsights = { step, at: started, ms: clock() - started };
  post({ type: 'insights', runId: run.id, step, insights });
}

/**
 * Whether the views are due while training: at most every `everyMs`, and only once training has
 * run `(1 − share) / share` times as long as the last views took, so they cost at most `share`
 * of the time.
 */
export function insightsDue(run: Run, now: number, everyMs: number, share: number): boolean {
  if (!isWatching(run.insights)) return false;
  const since = now - run.lastInsights.at;
  return since >= everyMs && since >= (run.lastInsights.ms * (1 - share)) / share;
}
