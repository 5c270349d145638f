/**
 * What the why views cost training. The app's WorkerHandler (its default limits: views at most
 * every 500 ms and within 4 % of the time) trains a preset in Node (cpu) with no view open, then
 * with every view that applies to it open, alternating; prints steps/s (median of the rounds),
 * how many times the views were computed, and the ratio.
 *   npx tsx scripts/bench/insightCost.ts [--preset=sharing] [--steps=2000] [--rounds=3]
 */
// The engine's kernel overrides, as the app's worker registers them.
import '../../src/testing/kernelSetup';
import * as tf from '@tensorflow/tfjs';
import { PRESETS } from '../../src/design/presets';
import { fetchTestAsset } from '../../src/testing/fixtures';
import {
  INSIGHT_VIEWS,
  insightUnavailable,
  NO_INSIGHTS,
  type InsightRequest,
} from '../../src/train/insights/views';
import { WorkerHandler } from '../../src/worker/handler';
import type { FromWorker, RunDesign } from '../../src/worker/protocol';
import { flag, log } from './cli';
import { median } from './report';

const preset = PRESETS.find((p) => p.id === (flag('preset') ?? 'sharing'))!;
const steps = Number(flag('steps') ?? 2000);
const rounds = Number(flag('rounds') ?? 3);
await tf.setBackend('cpu');

const design: RunDesign = {
  spec: preset.spec,
  data: preset.data,
  config: { ...preset.config, maxSteps: steps },
};
const applies = (view: (typeof INSIGHT_VIEWS)[number]) =>
  insightUnavailable(view, preset.spec) === null;
const EVERY: InsightRequest = {
  saliency: applies('saliency') ? { method: 'gradientInput', first: 0 } : null,
  attribution: applies('attribution'),
  representation: applies('representation') ? { task: 0 } : null,
  gates: applies('gates'),
  attention: applies('attention') ? { example: 0 } : null,
};

async function measure(request: InsightRequest): Promise<{ rate: number; views: number }> {
  let views = 0;
  const count = (m: FromWorker) => void (m.type === 'insights' && views++);
  const handler = new WorkerHandler(count, { fetchAsset: fetchTestAsset });
  await handler.handle({ type: 'selectBackend', choice: 'cpu' });
  await handler.handle({ type: 'step', runId: 'r', design });
  await handler.handle({ type: 'watchInsights', runId: 'r', request });
  await handler.idle();
  const started = performance.now();
  await handler.handle({ type: 'train', runId: 'r', design });
  await handler.idle();
  const seconds = (performance.now() - started) / 1000;
  await handler.handle({ type: 'reset' });
  return { rate: (steps - 1) / seconds, views };
}

const off: number[] = [];
const on: number[] = [];
let computed = 0;
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? [NO_INSIGHTS, EVERY] : [EVERY, NO_INSIGHTS];
  for (const request of order) {
    const { rate, views } = await measure(request);
    log(`${request === NO_INSIGHTS ? 'off' : 'on'}: ${rate.toFixed(2)} steps/s, views ${views}`);
    (request === NO_INSIGHTS ? off : on).push(rate);
    if (request !== NO_INSIGHTS) computed = views;
  }
}
const shown = Object.entries(EVERY)
  .filter(([, v]) => Boolean(v))
  .map(([k]) => k)
  .join(', ');
console.log(
  `${preset.label}, ${steps} steps, ${rounds} rounds (views open: ${shown}): ` +
    `off ${median(off).toFixed(1)} steps/s, on ${median(on).toFixed(1)} steps/s ` +
    `(views computed ${computed} times), on/off ${(median(on) / median(off)).toFixed(3)}`,
);
