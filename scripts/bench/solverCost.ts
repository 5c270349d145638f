/**
 * The two simplex solvers of the gradient strategies, per call, on random and adversarial Gram
 * matrices (mixed scales, low rank, opposite and parallel pairs): MGDA's min-norm point and
 * CAGrad's inner problem, with the worst certificate seen. Node, plain TypeScript.
 *   npx tsx scripts/bench/solverCost.ts [--calls=200] [--tasks=2,3,4,5,8,16]
 */
import fc from 'fast-check';
import { cagradObjective, cagradWeights } from '../../src/train/weighting/cagrad';
import { minNormPoint } from '../../src/train/weighting/minNorm';
import { gradientSets, gramOfVectors } from '../../src/testing/gradientSets';
import { flag } from './cli';

const calls = Number(flag('calls') ?? 200);
const taskCounts = (flag('tasks') ?? '2,3,4,5,8,16').split(',').map(Number);

function perCall(grams: number[][][], solve: (m: number[][]) => unknown): number {
  grams.forEach(solve); // warm the JIT
  const start = performance.now();
  for (let round = 0; round < 5; round++) grams.forEach(solve);
  return (performance.now() - start) / (5 * grams.length);
}

console.log(
  '| T | min-norm ms/call | worst gap / maxᵢ‖gᵢ‖² | CAGrad ms/call | CAGrad F ≤ every vertex |',
);
console.log('| ---: | ---: | ---: | ---: | --- |');
for (const tasks of taskCounts) {
  const grams = fc
    .sample(
      gradientSets.filter((v) => v.length === tasks),
      { numRuns: calls, seed: tasks },
    )
    .map(gramOfVectors);
  const largest = (m: number[][]) => Math.max(...m.map((row, i) => row[i]!));
  const relativeGap = (m: number[][]) => (largest(m) > 0 ? minNormPoint(m).gap / largest(m) : 0);
  const worstGap = Math.max(...grams.map(relativeGap));
  const vertex = (m: number[][], i: number) => m.map((_, j) => (i === j ? 1 : 0));
  const vertexBeaten = grams.every((m) => {
    const f = cagradObjective(m, cagradWeights(m, 0.5), 0.5);
    return m.every((_, i) => f <= cagradObjective(m, vertex(m, i), 0.5) + 1e-12 * largest(m));
  });
  console.log(
    `| ${tasks} | ${perCall(grams, minNormPoint).toFixed(4)} | ${worstGap.toExponential(1)} | ${perCall(grams, (m) => cagradWeights(m, 0.5)).toFixed(4)} | ${vertexBeaten ? 'yes' : 'no'} |`,
  );
}
