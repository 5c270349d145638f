import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../../design/presets';
import { makeTrainer, trainSteps } from '../../testing/fixtures';
import { useCpuBackend } from '../../testing/tfCpu';
import { computeInsights } from './compute';
import { INSIGHT_EXAMPLES, NO_INSIGHTS, SALIENCY_EXAMPLES, type InsightRequest } from './views';

beforeAll(useCpuBackend);

const EVERY_VIEW: InsightRequest = {
  saliency: { method: 'integrated', first: 3 },
  attribution: true,
  representation: { task: 1 },
  gates: true,
  attention: { example: 2 },
};

/** A preset trained a few steps, its views computed, and the tensors it left behind. */
async function insightsOf(id: string, request = EVERY_VIEW) {
  const preset = PRESETS.find((p) => p.id === id)!;
  const run = makeTrainer({ spec: preset.spec, data: preset.data, config: preset.config });
  await trainSteps(run.trainer, 5);
  const source = { model: run.model, spec: preset.spec, data: preset.data, val: run.data.val };
  await computeInsights(source, request); // the first call builds and keeps its probe models
  const before = tf.memory().numTensors;
  const insights = await computeInsights(source, request);
  const leaked = tf.memory().numTensors - before;
  run.dispose();
  return { insights, leaked, spec: preset.spec };
}

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

describe('the why views, computed in the worker', () => {
  it('MMoE: every task’s gate weights sum to 1; each task has its own representation', async () => {
    const { insights, leaked } = await insightsOf('mmoe');
    expect(leaked).toBe(0);
    const [gates] = insights.gates!;
    expect(gates!.columns).toEqual(['shared 1', 'shared 2', 'shared 3', 'shared 4']);
    expect(gates!.rows.map((r) => r.label)).toEqual(['circle', 'xor', 'bowl']);
    for (const row of gates!.rows) expect(sum(row.values)).toBeCloseTo(1, 5);
    const r = insights.representation!;
    expect(r.task).toBe(1);
    expect(r.points).toHaveLength(Math.min(INSIGHT_EXAMPLES, 200) * 2); // 200 validation examples
    expect(r.explained[0]).toBeGreaterThanOrEqual(r.explained[1]);
    expect(r.explained[0] + r.explained[1]).toBeLessThanOrEqual(1 + 1e-6);
    expect(r.labels).toHaveLength(3);
    // 2-D points: attribution over x₁ and x₂, no saliency or attention.
    expect(insights.attribution!.features).toEqual(['x₁', 'x₂']);
    expect(insights.attribution!.values).toHaveLength(3);
    // …and over the plane, as the decision maps: one map per task.
    const plane = insights.attribution!.plane!;
    expect(plane.maps).toHaveLength(3);
    expect(plane.maps[0]).toHaveLength(plane.resolution ** 2);
    expect(plane.maps.every((m) => m.every((v) => v >= 0 && Number.isFinite(v)))).toBe(true);
    expect(insights.saliency).toBeUndefined();
    expect(insights.attention).toBeUndefined();
  });

  it('PLE: a heatmap per level, the shared gate among the first level’s rows', async () => {
    const { insights } = await insightsOf('ple', { ...NO_INSIGHTS, gates: true });
    expect(insights.gates!.map((g) => g.rows.map((r) => r.label))).toEqual([
      ['circle', 'xor', 'bowl', 'shared'],
      ['circle', 'xor', 'bowl'],
    ]);
    for (const level of insights.gates!)
      for (const row of level.rows) expect(sum(row.values)).toBeCloseTo(1, 5);
    // A task's gate chooses among its own expert and the shared ones, not another task's.
    const circle = insights.gates![1]!.rows[0]!.values;
    expect(circle.map((v) => v !== null)).toEqual([true, true, true, false, false]);
  });

  it('CNN: saliency maps of every task for the first validation images; MTAN masks in (0, 1)', async () => {
    const { insights, leaked, spec } = await insightsOf('mtan');
    expect(leaked).toBe(0);
    const s = insights.saliency!;
    expect(s.first).toBe(3);
    expect([s.height, s.width, s.channels]).toEqual([12, 12, 1]);
    expect(s.maps).toHaveLength(spec.tasks.length);
    expect(s.maps[0]).toHaveLength(SALIENCY_EXAMPLES * 144);
    expect(s.maps.every((m) => m.every((v) => v >= 0 && Number.isFinite(v)))).toBe(true);
    expect(s.predictions[0]).toHaveLength(SALIENCY_EXAMPLES);
    const masks = insights.gates![0]!;
    for (const row of masks.rows) for (const v of row.values) expect(v! > 0 && v! < 1).toBe(true);
    expect(insights.representation!.task).toBe(1);
  });

  it('self-attention: each head’s rows are probabilities over the sequence', async () => {
    const { insights, leaked } = await insightsOf('attention');
    expect(leaked).toBe(0);
    const a = insights.attention!;
    expect(a.example).toBe(2);
    expect(a.tokens).toHaveLength(12);
    for (const { heads } of a.layers)
      for (const head of heads) for (const row of head) expect(sum(row)).toBeCloseTo(1, 5);
    // Hard sharing: one representation every task reads.
    expect(insights.representation!.task).toBeNull();
  });
});
