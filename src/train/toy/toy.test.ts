import { describe, expect, it } from 'vitest';
import { onParetoSet, PARETO_X2, TOY_STARTS, toyLosses, type Point } from './cagradToy';
import { DEFAULT_TRAJECTORY, runTrajectory } from './trajectory';

const average = (p: Point) => {
  const [a, b] = toyLosses(p).losses;
  return (a + b) / 2;
};

/** The point of lowest average loss, by brute force on a fine grid. */
function lowestAverage(): Point {
  let best: Point = [0, 0];
  for (let a = -10; a <= 10; a += 0.01) {
    for (let b = -10; b <= 10; b += 0.01) if (average([a, b]) < average(best)) best = [a, b];
  }
  return best;
}

describe('CAGrad two-objective toy', () => {
  it('has exact gradients (finite differences agree)', () => {
    for (const p of [
      [-8.5, 7.5],
      [1, -3],
      [4.2, 0.3],
    ] as Point[]) {
      const { losses, grads } = toyLosses(p);
      for (const k of [0, 1] as const) {
        const h = 1e-6;
        const q: Point = [...p];
        q[k] += h;
        const shifted = toyLosses(q).losses;
        for (let task = 0; task < 2; task++)
          expect(grads[task]![k]).toBeCloseTo((shifted[task]! - losses[task]!) / h, 3);
      }
    }
  });

  it.each(TOY_STARTS.map((s) => [s]))(
    'MGDA, PCGrad, IMTL-G, Aligned-MTL, UPGrad, FAMO, GradVac, Nash-MTL and FairGrad end on the Pareto set from %j',
    (start) => {
      const strategies = [
        'mgda',
        'pcgrad',
        'imtl',
        'aligned',
        'upgrad',
        'famo',
        'gradvac',
      ] as const;
      for (const strategy of strategies) {
        const end = runTrajectory(strategy, start).at(-1)!;
        expect(onParetoSet(end), `${strategy} ends at ${end}`).toBe(true);
      }
      // Nash-MTL's and FairGrad's steps are the costliest; they arrive within a quarter of the path.
      for (const strategy of ['nash', 'fairgrad'] as const) {
        const quarter = { ...DEFAULT_TRAJECTORY, steps: 25_000 };
        const end = runTrajectory(strategy, start, quarter).at(-1)!;
        expect(onParetoSet(end), `${strategy} ends at ${end}`).toBe(true);
      }
    },
  );

  it('CAGrad ends at the point of lowest average loss from every start; the mean gradient gets stuck', () => {
    const best = lowestAverage();
    expect(best[1]).toBeCloseTo(PARETO_X2, 1);
    for (const start of TOY_STARTS) {
      const end = runTrajectory('cagrad', start).at(-1)!;
      expect(Math.hypot(end[0] - best[0], end[1] - best[1]), `from ${start}`).toBeLessThan(0.05);
    }
    const stuck = runTrajectory('equal', TOY_STARTS[0]!).at(-1)!;
    expect(stuck[1]).toBeGreaterThan(0); // far from the Pareto set, as in the papers' figures
  });

  it('FAMO matches its device implementation: the same weights after the same steps', async () => {
    // famoToy.ts (host numbers, Lᵢ* = −20) against weighting/famo.ts (tf.js) fed ℓᵢ = Lᵢ + 20.
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    const { famoWeighting } = await import('../weighting/famo');
    const { FamoLogits } = await import('./famoToy');
    const host = new FamoLogits(2, 0.025, 0.01);
    const device = famoWeighting(2, 0.025, 0.01);
    const losses = [
      [-3, 1],
      [-3.5, 0.9],
      [-3.6, 0.2],
      [-4, 0.1],
    ];
    for (let t = 0; t + 1 < losses.length; t++) {
      const shifted = losses[t]!.map((l) => l + 20);
      const coefficients = host.coefficients(losses[t]!);
      const weights = device.objective(tf.tensor1d(shifted), [1, 1]).weights;
      Array.from(await weights.data()).forEach((w, i) =>
        expect(w).toBeCloseTo(coefficients[i]!, 5),
      );
      host.update(losses[t + 1]!);
      device.afterStep!(tf.tensor1d(losses[t + 1]!.map((l) => l + 20)));
    }
    device.dispose();
  });

  it('keeps a decimated path with the start and the end', () => {
    const path = runTrajectory('mgda', [1, 1], { ...DEFAULT_TRAJECTORY, steps: 1000, every: 100 });
    expect(path).toHaveLength(11);
    expect(path[0]).toEqual([1, 1]);
  });
});
