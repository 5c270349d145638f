import type { Post } from './handler';
import type { Run } from './run';
import { postConfusion, postDecisionMaps } from './runOutputs';
import { firstNonFinite } from './stepPolicy';

/**
 * Reads back the run's queued losses and posts them; false when a loss is not finite. Then only
 * the steps before it are posted, so the curves stay clean, and the run is marked diverged.
 */
export async function postSteps(run: Run, elapsed: () => number, post: Post): Promise<boolean> {
  const all = await run.trainer.flush();
  const ms = Math.max(elapsed(), 1e-3);
  const bad = firstNonFinite(all);
  const steps = bad ? all.slice(0, bad.index) : all;
  if (steps.length)
    post({ type: 'metrics', runId: run.id, steps, stepsPerSecond: (all.length * 1000) / ms });
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

/** Validates the run's current weights and posts what the UI shows of them. */
export async function postValidation(run: Run, post: Post): Promise<void> {
  const evaluation = await run.trainer.evaluate();
  const cosines = await run.trainer.gradientCosines();
  run.lastEvalStep = evaluation.step;
  post({ type: 'validation', runId: run.id, evaluation, cosines });
  await postDecisionMaps(run, evaluation.step, post);
  await postConfusion(run, post);
}
