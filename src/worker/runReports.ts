import * as tf from '@tensorflow/tfjs';
import type { Post } from './protocol';
import type { Run } from './run';
import { postConfusion, postDecisionMaps } from './runOutputs';
import { firstNonFinite } from './stepPolicy';
import type { StepLosses } from '../train/trainer';

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
