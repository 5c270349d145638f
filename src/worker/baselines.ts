import type { Dataset } from '../data/dataset';
import type { DataSpec } from '../spec/types';
import type { BaselineResult, FromWorker, RunDesign } from './protocol';
import { assertValidDesign, createRun, disposeRun } from './run';
import { yieldToEventLoop } from './yieldToEventLoop';
import { messageOf } from './stepPolicy';

/** Steps between readbacks (and chances for other messages) while a baseline trains. */
const SLICE = 25;

export type { BaselineResult } from './protocol';

/**
 * Task `index` alone: the same encoder (or experts), head, data, optimizer and seed, trained
 * for `steps` steps with weight 1 — the single-task baseline Δm% compares against.
 */
export function singleTaskDesign(design: RunDesign, index: number, steps: number): RunDesign {
  const task = design.spec.tasks[index]!;
  return {
    ...design,
    spec: { ...design.spec, tasks: [task] },
    config: {
      ...design.config,
      maxSteps: steps,
      lambdas: { [task.name]: 1 },
      weighting: { ...design.config.weighting, strategy: 'static' },
    },
  };
}

/** Trains the single-task baselines of a run one task after another; Reset or a newer request cancels. */
export class BaselineRunner {
  private current: string | null = null;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly dataset: (spec: DataSpec) => Promise<Dataset>,
  ) {}

  /** Whether baselines are training now. */
  get busy(): boolean {
    return this.current !== null;
  }

  cancel(): void {
    this.current = null;
  }

  async run(runId: string, design: RunDesign, steps: number): Promise<void> {
    const job = `${runId}:${Date.now()}`;
    this.current = job;
    try {
      assertValidDesign(design);
      const dataset = await this.dataset(design.data);
      const results: BaselineResult[] = [];
      for (let index = 0; index < design.spec.tasks.length; index++) {
        const single = singleTaskDesign(design, index, steps);
        const run = createRun(`${runId}/baseline-${index}`, single, dataset);
        try {
          for (let step = 1; step <= steps; step++) {
            await run.trainer.trainStep();
            if (step % SLICE !== 0 && step !== steps) continue;
            await run.trainer.flush();
            this.post({ type: 'baselineProgress', runId, task: index, step, steps });
            await yieldToEventLoop();
            if (this.current !== job) return;
          }
          const evaluation = await run.trainer.evaluate();
          results.push({
            task: single.spec.tasks[0]!.name,
            metric: evaluation.metrics[0]!,
            loss: evaluation.losses[0]!,
          });
        } finally {
          disposeRun(run);
        }
      }
      this.post({ type: 'baselines', runId, steps, results });
    } catch (e) {
      const message = messageOf(e);
      this.post({ type: 'error', runId, message: `Baselines failed: ${message}` });
    } finally {
      if (this.current === job) this.current = null;
    }
  }
}
