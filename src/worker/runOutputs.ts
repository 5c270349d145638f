import { exportModel } from '../io/exportModel';
import { confusionMatrix, decisionMaps, hasDecisionMaps } from '../train/predictionViews';
import type { Post } from './protocol';
import type { Run } from './run';

/**
 * What a run sends the UI besides its metrics: its weights (as a download or a checkpoint to
 * keep), decision maps and a confusion matrix. Each reads the model once; callers make sure no
 * training step runs meanwhile.
 */
export async function postWeights(
  run: Run,
  as: 'exported' | 'checkpoint',
  post: Post,
): Promise<void> {
  const step = run.trainer.step;
  const exported = await exportModel(run.model, run.design.spec);
  const message =
    as === 'exported'
      ? { type: 'exported' as const, runId: run.id, ...exported }
      : { type: 'checkpoint' as const, runId: run.id, step, ...exported };
  post(message, [exported.weightData]);
}

/** Every task's map over the plane, for designs that read 2-D points. */
export async function postDecisionMaps(run: Run, step: number, post: Post): Promise<void> {
  const { spec } = run.design;
  if (!hasDecisionMaps(spec)) return;
  post({ type: 'decisionMaps', runId: run.id, step, maps: await decisionMaps(run.model, spec) });
}

/** The confusion matrix the UI has open, if any. */
export async function postConfusion(run: Run, post: Post): Promise<void> {
  const task = run.confusionTask;
  if (task === null) return;
  const matrix = await confusionMatrix(run.model, run.design.spec, task, run.data.val);
  post({ type: 'confusion', runId: run.id, task, step: run.trainer.step, matrix });
}
