import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../design/presets';
import { useCpuBackend } from '../testing/tfCpu';
import { workerHarness } from '../testing/workerHarness';
import { NO_INSIGHTS, type InsightRequest } from '../train/insights/views';
import type { RunDesign } from './protocol';
import { insightsDue } from './runReports';
import type { Run } from './run';

beforeAll(useCpuBackend);

const mmoe = PRESETS.find((p) => p.id === 'mmoe')!;
const design = (maxSteps: number): RunDesign => ({
  spec: mmoe.spec,
  data: mmoe.data,
  config: { ...mmoe.config, maxSteps, evalEvery: 10 },
});
const EVERY: InsightRequest = {
  ...NO_INSIGHTS,
  attribution: true,
  representation: { task: 0 },
  gates: true,
};

/** A worker on cpu with no limit on views or validation, one step into run `id`. */
async function steppedWorker(id: string, maxSteps: number) {
  const worker = workerHarness({
    targetChunkMs: 5,
    viewsEveryMs: 0,
    insightShare: 1,
    validationShare: 1,
  });
  await worker.handler.handle({ type: 'selectBackend', choice: 'cpu' });
  await worker.handler.handle({ type: 'step', runId: id, design: design(maxSteps) });
  await worker.handler.idle();
  return worker;
}

describe('the why views in the worker', () => {
  it('come at once when asked, at validations while training, and where the run stops', async () => {
    const { handler, of } = await steppedWorker('w', 60);
    expect(of('insights')).toHaveLength(0); // nothing asked yet
    await handler.handle({ type: 'watchInsights', runId: 'w', request: EVERY });
    await handler.idle();
    const first = of('insights')[0]!;
    expect(first.step).toBe(1);
    expect(Object.keys(first.insights).sort()).toEqual(['attribution', 'gates', 'representation']);
    await handler.handle({ type: 'train', runId: 'w', design: design(60) });
    await handler.idle();
    const steps = of('insights').map((m) => m.step);
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.at(-1)).toBe(60);
    // Nothing shown, nothing computed.
    await handler.handle({ type: 'watchInsights', runId: 'w', request: NO_INSIGHTS });
    await handler.handle({ type: 'train', runId: 'w', design: design(80) });
    await handler.idle();
    expect(
      of('insights')
        .map((m) => m.step)
        .at(-1),
    ).toBe(60);
  });

  it('leave the tensor count flat over 1 000 steps with every view on', async () => {
    const { handler, of } = workerHarness({
      targetChunkMs: 5,
      viewsEveryMs: 0,
      insightShare: 1,
      validationShare: 1,
    });
    await handler.handle({ type: 'selectBackend', choice: 'cpu' });
    await handler.handle({ type: 'step', runId: 'm', design: design(1000) });
    await handler.handle({ type: 'watchInsights', runId: 'm', request: EVERY });
    await handler.handle({ type: 'train', runId: 'm', design: design(1000) });
    await handler.idle();
    expect(of('insights').length).toBeGreaterThan(20);
    const tensors = of('metrics').flatMap((m) => (m.memory ? [m.memory.tensors] : []));
    expect(tensors.length).toBeGreaterThan(20);
    // After the first views built their probe models, the count stays where it was.
    const settled = tensors.slice(5);
    expect(Math.max(...settled)).toBe(Math.min(...settled));
  }, 120_000);
});

describe('insightsDue', () => {
  const run = (ms: number, at: number) =>
    ({ insights: EVERY, lastInsights: { step: 1, at, ms } }) as unknown as Run;
  it('leaves training (1 − share) / share times the views’ cost between two', () => {
    // Views that took 10 ms at a 4 % share: due again 240 ms later.
    expect(insightsDue(run(10, 0), 239, 100, 0.04)).toBe(false);
    expect(insightsDue(run(10, 0), 240, 100, 0.04)).toBe(true);
    // Cheap views still wait the views' own interval.
    expect(insightsDue(run(0.1, 0), 99, 100, 0.04)).toBe(false);
    const idle = { ...run(0, -Infinity), insights: NO_INSIGHTS } as Run;
    expect(insightsDue(idle, 1e9, 100, 0.04)).toBe(false);
  });
});
