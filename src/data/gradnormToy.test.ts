import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../design/presets';
import { makeTrainer, trainSteps } from '../testing/fixtures';
import { useCpuBackend } from '../testing/tfCpu';
import { DEFAULT_DATA } from '../spec/defaults';
import { validateData } from '../design/validate';
import { generateGradnormToy, GRADNORM_FEATURES, GRADNORM_OUTPUTS } from './gradnormToy';

const spec = {
  ...DEFAULT_DATA,
  kind: 'gradnorm' as const,
  size: 200,
  noise: 0,
  scales: [1, 100, 10],
};

describe('GradNorm toy regression', () => {
  it('has one 100-dimensional target per σ, bounded by that σ, on inputs in [-1, 1]²⁵⁰', () => {
    const d = generateGradnormToy(spec);
    expect(Object.keys(d.targets)).toEqual(['t1', 't2', 't3']);
    expect(d.train.size + d.val.size).toBe(200);
    expect(d.train.x.length).toBe(d.train.size * GRADNORM_FEATURES);
    expect(d.train.x.every((v) => v >= -1 && v < 1)).toBe(true);
    spec.scales.forEach((sigma, i) => {
      const y = d.train.targets[`t${i + 1}`]!;
      expect(y.length).toBe(d.train.size * GRADNORM_OUTPUTS);
      const maxAbs = y.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(maxAbs).toBeLessThanOrEqual(sigma * (1 + 1e-6));
      expect(maxAbs).toBeGreaterThan(sigma * 0.9); // tanh saturates: values reach near ±σ
    });
  });

  it('makes tasks alike up to their scale: correlated, not identical', () => {
    const d = generateGradnormToy({ ...spec, scales: [1, 1] });
    const a = d.train.targets.t1!;
    const b = d.train.targets.t2!;
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < a.length; i++) {
      dot += a[i]! * b[i]!;
      na += a[i]! ** 2;
      nb += b[i]! ** 2;
    }
    const cos = dot / Math.sqrt(na * nb);
    expect(cos).toBeGreaterThan(0.5); // B is shared
    expect(cos).toBeLessThan(0.99); // εᵢ differs
  });

  it('is reproducible from its seed', () => {
    expect(generateGradnormToy(spec).val.targets.t2).toEqual(
      generateGradnormToy(spec).val.targets.t2,
    );
    expect(generateGradnormToy(spec).train.x).not.toEqual(
      generateGradnormToy({ ...spec, seed: 9 }).train.x,
    );
  });

  it('validates its scales', () => {
    expect(validateData(spec)).toEqual([]);
    expect(validateData({ ...spec, scales: [1] })[0]!.message).toMatch(/2 to 10 task scales/);
    expect(validateData({ ...spec, scales: [1, -2] })[0]!.message).toMatch(/σ of task t2/);
  });
});

describe('GradNorm toy under equal weights', () => {
  beforeAll(useCpuBackend);

  it('lets the large task rule: the σ = 1 task learns far less of its loss than the σ = 100 task', async () => {
    const preset = PRESETS.find((p) => p.id === 'gradnorm')!;
    const run = makeTrainer({
      spec: preset.spec,
      data: { ...preset.data, size: 500 },
      config: {
        ...preset.config,
        batchSize: 32,
        weighting: { ...preset.config.weighting, strategy: 'equal' },
      },
    });
    const steps = await trainSteps(run.trainer, 120);
    run.dispose();
    const mean = (from: number, to: number, task: number) =>
      steps.slice(from, to).reduce((a, s) => a + s.losses[task]!, 0) / (to - from);
    // Loss relative to its start, as GradNorm's paper measures training rates.
    const ratio = (task: number) => mean(100, 120, task) / mean(0, 5, task);
    expect(ratio(1)).toBeLessThan(0.95); // the σ = 100 task makes progress …
    expect(ratio(0)).toBeGreaterThan(ratio(1) * 1.5); // … the σ = 1 task much less, or gets worse
  }, 120_000);
});
