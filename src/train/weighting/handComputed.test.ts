import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  combination,
  dot,
  gradientSets,
  gramOfVectors,
  orthogonal,
} from '../../testing/gradientSets';
import { useCpuBackend } from '../../testing/tfCpu';
import { readGram } from '../taskGradients';
import fc from 'fast-check';
import { createRng, type Rng } from '../../data/random';
import { rlwDraw } from './rlw';
import { uncertaintyWeights } from './uncertainty';
import { paramProblem } from '../../spec/weighting';
import { alignedCoefficients } from './alignedMtl';
import { cagradCoefficients } from './cagrad';
import { mgdaCoefficients } from './mgda';
import { gradvacWeighting } from './gradvac';
import { pcgradCoefficients } from './pcgrad';
import { upgradCoefficients } from './upgrad';
import { alphaFairWeights } from './alphaFair';
import { glsWeights } from './gls';
import { famoWeighting } from './famo';
import { GradNormState } from './gradnorm';
import { dbMtlWeighting } from './dbMtl';
import { gradDropDirection } from './gradDrop';
import { stchWeighting } from './stch';
import { modoWeighting } from './modo';
import { sdmgradWeighting } from './sdmgrad';
import { excessMtlWeighting } from './excessMtl';
import { mocoWeighting, projectOntoSimplex } from './moco';
import { imtlCoefficients } from './imtl';
import { projectToSimplex, solveLinear, symmetricEigen } from './linearAlgebra';
import { nashCoefficients } from './nashMtl';

beforeAll(useCpuBackend);

/** Three gradients in general position, with different norms. */
const skewed = [
  [3, 0.5, -1],
  [0.2, 1, 0.4],
  [-0.5, 0.3, 0.05],
];

describe('GLS', () => {
  it('minimizes the geometric mean: losses 1 and 4 give L = 2 and weights ∂L/∂Lᵢ = 1 and ¼', async () => {
    const gls = glsWeights();
    const losses = tf.tensor1d([1, 4]);
    const { total, weights } = gls.objective(losses, [1, 1]);
    expect((await total.data())[0]).toBeCloseTo(2, 6);
    expect(Array.from(await weights.data())).toEqual([
      expect.closeTo(1, 6),
      expect.closeTo(0.25, 6),
    ]);
    const grad = tf.grad((l: tf.Tensor) => gls.objective(l as tf.Tensor1D, [1, 1]).total)(losses);
    expect(Array.from(await grad.data())).toEqual([expect.closeTo(1, 6), expect.closeTo(0.25, 6)]);
  });

  it('stays finite when a loss reaches exactly 0', async () => {
    const { total, weights } = glsWeights().objective(tf.tensor1d([0, 1]), [1, 1]);
    expect(Number.isFinite((await total.data())[0])).toBe(true);
    expect(Array.from(await weights.data()).every(Number.isFinite)).toBe(true);
  });
});

describe('IMTL-G', () => {
  it('weighs orthogonal gradients of norms 1 and 2 by ⅔ and ⅓', () => {
    const alpha = imtlCoefficients(gramOfVectors(orthogonal([1, 2])));
    expect(alpha[0]).toBeCloseTo(2 / 3, 12);
    expect(alpha[1]).toBeCloseTo(1 / 3, 12);
  });

  it('gives every task the same projection on its unit gradient, weights summing to 1', () => {
    const alpha = imtlCoefficients(gramOfVectors(skewed));
    expect(alpha.reduce((s, a) => s + a, 0)).toBeCloseTo(1, 12);
    const d = combination(skewed, alpha);
    const projections = skewed.map((g) => dot(g, d) / Math.sqrt(dot(g, g)));
    projections.forEach((p) => expect(p).toBeCloseTo(projections[0]!, 10));
  });

  it('falls back to the mean when a gradient vanishes', () => {
    expect(
      imtlCoefficients(
        gramOfVectors([
          [1, 0],
          [0, 0],
        ]),
      ),
    ).toEqual([0.5, 0.5]);
  });
});

describe('Aligned-MTL', () => {
  it('rescales M = [[2, 1], [1, 2]] to its smallest eigenvalue: B·1 = (1/√3, 1/√3)', () => {
    const c = alignedCoefficients([
      [2, 1],
      [1, 2],
    ]);
    c.forEach((x) => expect(x).toBeCloseTo(1 / Math.sqrt(3), 12));
  });

  it('makes the aligned task gradients orthogonal with equal norms (BᵀMB = λ_min·I)', () => {
    const m = gramOfVectors(skewed);
    // The columns of B, one per unit weight vector: B·eᵢ via the coefficients of a one-hot sum.
    const { values, vectors } = symmetricEigen(m);
    const smallest = Math.min(...values);
    const b = m.map((_, i) =>
      m.map((__, j) =>
        values.reduce(
          (s, l, k) => s + Math.sqrt(smallest / l) * vectors[k]![i]! * vectors[k]![j]!,
          0,
        ),
      ),
    );
    const aligned = m.map((_, j) =>
      combination(
        skewed,
        b.map((row) => row[j]!),
      ),
    );
    const gram = gramOfVectors(aligned);
    gram.forEach((row, i) =>
      row.forEach((x, j) => expect(x).toBeCloseTo(i === j ? smallest : 0, 9)),
    );
    const summed = alignedCoefficients(m);
    summed.forEach((x, i) =>
      expect(x).toBeCloseTo(
        b[i]!.reduce((s, y) => s + y, 0),
        10,
      ),
    );
  });

  it('equals Equal for orthogonal gradients of one norm', () => {
    expect(alignedCoefficients(gramOfVectors(orthogonal([2, 2, 2])))).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(1, 12),
      expect.closeTo(1, 12),
    ]);
  });
});

describe('Nash-MTL', () => {
  it('solves (Mα)ᵢ = 1/αᵢ: M = [[1, ½], [½, 1]] gives α = √(2/3) each', () => {
    nashCoefficients([
      [1, 0.5],
      [0.5, 1],
    ]).forEach((a) => expect(a).toBeCloseTo(Math.sqrt(2 / 3), 12));
  });

  it('weighs orthogonal gradients by 1/‖gᵢ‖, and any full-rank set to the bargaining point', () => {
    const alpha = nashCoefficients(gramOfVectors(orthogonal([1, 2, 1e-3])));
    [1, 0.5, 1e3].forEach((x, i) => expect(alpha[i]! / x).toBeCloseTo(1, 10));
    const m = gramOfVectors(skewed);
    const beta = nashCoefficients(m);
    m.forEach((row, i) =>
      expect(row.reduce((s, x, j) => s + x * beta[j]!, 0) * beta[i]!).toBeCloseTo(1, 10),
    );
  });

  it('stays finite where the gradients cancel exactly, and gives a silent task weight 0', () => {
    const alpha = nashCoefficients(
      gramOfVectors([
        [1, 0],
        [-1, 0],
        [0, 0],
      ]),
    );
    expect(alpha.every(Number.isFinite)).toBe(true);
    expect(alpha[2]).toBe(0);
  });
});

describe('FairGrad (α-fair weights)', () => {
  it('weighs orthogonal gradients by ‖gᵢ‖^(−2α/(α+1)): norms 1 and 2 at α = 2 give 1 and 2^(−4/3)', () => {
    const w = alphaFairWeights(gramOfVectors(orthogonal([1, 2])), 2);
    expect(w[0]).toBeCloseTo(1, 10);
    expect(w[1]).toBeCloseTo(2 ** (-4 / 3), 10);
  });

  it('solves (Mw)ᵢ = wᵢ^(−1/α) on a skewed set, and is Nash-MTL at α = 1', () => {
    const m = gramOfVectors(skewed);
    for (const alpha of [0.5, 2, 5]) {
      const w = alphaFairWeights(m, alpha);
      m.forEach((row, i) =>
        expect(row.reduce((s, x, j) => s + x * w[j]!, 0) / w[i]! ** (-1 / alpha)).toBeCloseTo(1, 9),
      );
    }
    expect(alphaFairWeights(m, 1)).toEqual(nashCoefficients(m));
  });
});

describe('UPGrad', () => {
  it('adds the projections onto the dual cone: g₁ = (1, 0), g₂ = (−1, 1) give (½, ½) + (0, 1)', () => {
    const w = upgradCoefficients(
      gramOfVectors([
        [1, 0],
        [-1, 1],
      ]),
    );
    expect(w[0]).toBeCloseTo(2, 10);
    expect(w[1]).toBeCloseTo(1.5, 10);
  });

  it('is Equal without conflict, and never lowers any task to first order', () => {
    expect(upgradCoefficients(gramOfVectors(orthogonal([1, 3])))).toEqual([1, 1]);
    fc.assert(
      fc.property(gradientSets, (vectors) => {
        const d = combination(vectors, upgradCoefficients(gramOfVectors(vectors)));
        const scale = Math.max(...vectors.map((g) => dot(g, g)));
        vectors.forEach((g) => expect(dot(g, d)).toBeGreaterThanOrEqual(-1e-6 * scale));
      }),
      { numRuns: 200 },
    );
  });
});

describe('GradVac', () => {
  it('starts as PCGrad (targets 0) and lifts each pair to its running target exactly', () => {
    const gram = gramOfVectors([
      [1, 0.2],
      [-0.5, 1],
    ]);
    const first = gradvacWeighting(1, createRng(3)).combine(gram, [1, 1]).coefficients;
    expect(first).toEqual(pcgradCoefficients(gram, createRng(3)));
    // β = 1: the target becomes the last cosine seen, 0.8, then a pair at cosine 0.2 is lifted to it.
    const vac = gradvacWeighting(1, createRng(5));
    const eighty = [
      [1, 0],
      [0.8, 0.6],
    ];
    vac.combine(gramOfVectors(eighty), [1, 1]);
    const twenty = [
      [1, 0],
      [0.2, Math.sqrt(1 - 0.04)],
    ];
    const [c1, c2] = vac.combine(gramOfVectors(twenty), [1, 1]).coefficients as [number, number];
    // d = (g₁ + a·g₂) + (g₂ + b·g₁): coefficients (1 + b, 1 + a).
    const adjusted1 = combination(twenty, [1, c2 - 1]);
    const adjusted2 = combination(twenty, [c1 - 1, 1]);
    const cos = (u: number[], v: number[]) => dot(u, v) / Math.sqrt(dot(u, u) * dot(v, v));
    expect(cos(adjusted1, twenty[1]!)).toBeCloseTo(0.8, 10);
    expect(cos(adjusted2, twenty[0]!)).toBeCloseTo(0.8, 10);
  });
});

describe('FAMO', () => {
  it('weighs zᵢ/(c·Lᵢ), then moves weight off the task that improved', async () => {
    const famo = famoWeighting(2, 0.025, 0);
    const losses = tf.tensor1d([1, 4]);
    // z = (½, ½), c = ½(1 + ¼) = 0.625: weights (0.8, 0.2), L = (½ ln 1 + ½ ln 4)/0.625.
    const { total, weights } = famo.objective(losses, [1, 1]);
    expect((await total.data())[0]).toBeCloseTo(Math.log(4) / 2 / 0.625, 5);
    expect(Array.from(await weights.data())).toEqual([
      expect.closeTo(0.8, 5),
      expect.closeTo(0.2, 5),
    ]);
    // c is held fixed: the gradient the model sees is Σ wᵢ·∇Lᵢ.
    const grad = tf.grad((l: tf.Tensor) => famo.objective(l as tf.Tensor1D, [1, 1]).total)(losses);
    expect(Array.from(await grad.data())).toEqual([expect.closeTo(0.8, 5), expect.closeTo(0.2, 5)]);
    // Task 1 halved its loss, task 2 did not: δ = (ln 2, 0), ∇_ξ(zᵀδ) = (¼ ln 2, −¼ ln 2); Adam's
    // first step moves each logit by its rate against the gradient's sign.
    famo.afterStep!(tf.tensor1d([0.5, 4]));
    const next = famo.objective(tf.tensor1d([1, 1]), [1, 1]).weights;
    const z1 = 1 / (1 + Math.exp(0.05));
    expect(Array.from(await next.data())).toEqual([
      expect.closeTo(z1, 4),
      expect.closeTo(1 - z1, 4),
    ]);
    famo.dispose();
  });
});

describe('STCH', () => {
  it('weighs 1 until the nadir is known, then softmax((log L − log N)/μ)ᵢ / Lᵢ', async () => {
    const stch = stchWeighting(1, 1);
    const losses = tf.tensor1d([1, 4]);
    const warm = stch.objective(losses, [1, 1]);
    expect((await warm.total.data())[0]).toBeCloseTo(5, 6);
    stch.observe([{ step: 1, losses: [1, 2], weights: [1, 1] }]);
    // N = (1, 2): relative log-losses (0, ln 2), softmax (⅓, ⅔); L = ln(1 + 2).
    const { total, weights } = stch.objective(losses, [1, 1]);
    expect((await total.data())[0]).toBeCloseTo(Math.log(3), 6);
    const expected = [expect.closeTo(1 / 3, 6), expect.closeTo(1 / 6, 6)];
    expect(Array.from(await weights.data())).toEqual(expected);
    const grad = tf.grad((l: tf.Tensor) => stch.objective(l as tf.Tensor1D, [1, 1]).total)(losses);
    expect(Array.from(await grad.data())).toEqual(expected);
  });
});

describe('GradDrop', () => {
  it('keeps, per coordinate, the sign its purity and the draw pick', async () => {
    // Purity (1, ½, ½): the first coordinate agrees and keeps both; with U = (0.3, 0.3, 0.7) the
    // second keeps the positive gradient (1) and the third the negative one (−2).
    const matrix = tf.tensor2d([
      [1, -1, 2],
      [1, 1, -2],
    ]);
    const { direction, weights } = gradDropDirection(matrix, tf.tensor1d([0.3, 0.3, 0.7]));
    expect(Array.from(await direction.data())).toEqual([2, 1, -2]);
    // Task 1 kept |1| of |1| + |−1| + |2|, task 2 kept |1| + |1| + |−2|: shares ¼ and 1.
    expect(Array.from(await weights.data())).toEqual([
      expect.closeTo(0.25, 6),
      expect.closeTo(1, 6),
    ]);
  });
});

describe('DB-MTL', () => {
  const matrix = () =>
    tf.tensor2d([
      [3, 0],
      [0, 1],
    ]);
  const losses = [1, 2];

  it('averages ∇log Lᵢ = gᵢ/Lᵢ and scales each average up to the largest norm', async () => {
    // β = ½, σ = 0. Step 1: averages ½(3, 0) and ½(0, ½), norms 1.5 and 0.25, factors (1, 6),
    // d = (1.5, 1.5). Step 2: (2.25, 0) and (0, 0.375): d = (2.25, 2.25). Heads get gᵢ/Lᵢ.
    const db = dbMtlWeighting(0.5, 0);
    for (const want of [1.5, 2.25]) {
      const { direction, weights, headScales } = db.direction(matrix(), tf.tensor1d(losses));
      expect(Array.from(await headScales.data())).toEqual([1, 0.5]);
      expect(Array.from(await direction.data())).toEqual([
        expect.closeTo(want, 5),
        expect.closeTo(want, 5),
      ]);
      expect(Array.from(await weights.data())).toEqual([1, expect.closeTo(6, 5)]);
    }
    db.dispose();
  });

  it('with σ = 1 the rate of the average decays as β/t', async () => {
    // Step 2 rate ¼: (¼·1.5 + ¾·3, 0) = (2.625, 0) and (0, ¼·¼ + ¾·½) = (0, 0.4375).
    const db = dbMtlWeighting(0.5, 1);
    db.direction!(matrix(), tf.tensor1d(losses));
    const { direction } = db.direction!(matrix(), tf.tensor1d(losses));
    expect(Array.from(await direction.data())).toEqual([
      expect.closeTo(2.625, 5),
      expect.closeTo(2.625, 5),
    ]);
    db.dispose();
  });
});

describe('MoCo', () => {
  it('projects onto the simplex exactly', async () => {
    const cases: [number[], number[]][] = [
      [
        [0.4875, 0.45],
        [0.51875, 0.48125],
      ],
      [
        [2, 0, -1],
        [1, 0, 0],
      ],
      [
        [0.5, 0.5, 0.5],
        [1 / 3, 1 / 3, 1 / 3],
      ],
      [
        [0.2, 0.3],
        [0.45, 0.55],
      ],
    ];
    for (const [v, want] of cases) {
      const p = Array.from(await projectOntoSimplex(tf.tensor1d(v)).data());
      p.forEach((x, i) => expect(x, `${v}`).toBeCloseTo(want[i]!, 6));
    }
  });

  it('tracks the gradients, then steps λ on the simplex along −(YᵀY)λ', async () => {
    // β₁ = ½: y = ½g = (½, 0), (0, 1); YᵀY = diag(¼, 1); λ = (½, ½) − 0.1·(⅛, ½) =
    // (0.4875, 0.45), projected (0.51875, 0.48125); d = λ₁y₁ + λ₂y₂ = (0.259375, 0.48125).
    const moco = mocoWeighting(0.5, 0.1, 0);
    const matrix = tf.tensor2d([
      [1, 0],
      [0, 2],
    ]);
    const { direction, weights } = moco.direction!(matrix, tf.tensor1d([1, 1]));
    expect(Array.from(await weights.data())).toEqual([
      expect.closeTo(0.51875, 6),
      expect.closeTo(0.48125, 6),
    ]);
    expect(Array.from(await direction.data())).toEqual([
      expect.closeTo(0.259375, 6),
      expect.closeTo(0.48125, 6),
    ]);
    moco.dispose();
  });
});

describe('ExcessMTL', () => {
  it('measures excess risks gᵀdiag(1/√h)g, then grows the weights of the tasks furthest behind', async () => {
    const excess = excessMtlWeighting(1);
    // Step 1: h = g², risks (1/1, 4/2) = (1, 2) are the reference; weights stay 1.
    const first = excess.direction!(
      tf.tensor2d([
        [1, 0],
        [0, 2],
      ]),
      tf.tensor1d([1, 1]),
    );
    expect(Array.from(await first.weights.data())).toEqual([1, 1]);
    // Step 2, g = (1, 0), (0, 1): h = (2, 0), (0, 5), risks (1/√2, 1/√5), relative to the
    // reference (0.7071, 0.2236); w ∝ (e^0.7071, e^0.2236), summing to 2.
    const second = excess.direction!(
      tf.tensor2d([
        [1, 0],
        [0, 1],
      ]),
      tf.tensor1d([1, 1]),
    );
    const grown = [Math.exp(1 / Math.SQRT2), Math.exp(1 / Math.sqrt(5) / 2)];
    const want = grown.map((g) => (2 * g) / (grown[0]! + grown[1]!));
    for (const t of [second.weights, second.headScales!, second.direction])
      Array.from(await t.data()).forEach((w, i) => expect(w).toBeCloseTo(want[i]!, 5));
    excess.dispose();
  });
});

describe('MoDo and SDMGrad (double sampling)', () => {
  // Gradient products of two independent batches: C = G¹G²ᵀ (not symmetric).
  const cross = [
    [1, 0.5],
    [0, 2],
  ];
  const gram = [
    [1, 0],
    [0, 4],
  ];

  it('MoDo steps λ along −Cλ on the simplex', () => {
    // λ = (½, ½): Cλ = (0.75, 1); λ − 0.1·Cλ = (0.425, 0.4), projected (0.5125, 0.4875).
    const { coefficients } = modoWeighting(0.1, 0).combine(gram, [1, 1], cross);
    expect(coefficients).toEqual([expect.closeTo(0.5125, 12), expect.closeTo(0.4875, 12)]);
  });

  it('SDMGrad adds the pull to the average, in the step and in the direction', () => {
    // ω = 1: C(λ + ½) = C·(1, 1) = (1.5, 2); λ − 0.1·(1.5, 2) = (0.35, 0.3), projected
    // (0.525, 0.475); coefficients (λ + ½)/2 = (0.5125, 0.4875).
    const { coefficients } = sdmgradWeighting(1, 0.1, 0).combine(gram, [1, 1], cross);
    expect(coefficients).toEqual([expect.closeTo(0.5125, 12), expect.closeTo(0.4875, 12)]);
  });

  it('projects onto the simplex on the host as on the device', async () => {
    for (const v of [
      [0.4875, 0.45],
      [2, 0, -1],
      [0.3, -0.2, 0.9, 0.1],
    ]) {
      const device = Array.from(await projectOntoSimplex(tf.tensor1d(v)).data());
      projectToSimplex(v).forEach((x, i) => expect(x).toBeCloseTo(device[i]!, 6));
    }
  });
});

describe('conventions', () => {
  const m = gramOfVectors(orthogonal([1, 2]));

  it('MGDA normalization: none, l2, loss and loss+ on norms (1, 2) and losses (2, 4)', () => {
    const losses = [2, 4];
    // none: α ∝ 1/‖gᵢ‖² = (0.8, 0.2); l2: unit gradients, α = (½, ½), coefficients α/‖gᵢ‖;
    // loss: gᵢ/Lᵢ have norms (½, ½), α = (½, ½), coefficients α/Lᵢ; loss+: gᵢ/(Lᵢ‖gᵢ‖) have
    // norms (½, ¼), α = (0.2, 0.8), coefficients α/(Lᵢ‖gᵢ‖) = (0.1, 0.1).
    const expected = [
      [0.8, 0.2],
      [0.5, 0.25],
      [0.25, 0.125],
      [0.1, 0.1],
    ];
    expected.forEach((want, normalization) =>
      mgdaCoefficients(m, losses, normalization).forEach((c, i) =>
        expect(c, `normalization ${normalization}`).toBeCloseTo(want[i]!, 12),
      ),
    );
  });

  it('CAGrad rescale divides d by 1, 1 + c² or 1 + c', () => {
    const gram = gramOfVectors(skewed);
    const raw = cagradCoefficients(gram, 0.5, 0);
    cagradCoefficients(gram, 0.5, 1).forEach((c, i) => expect(c).toBeCloseTo(raw[i]! / 1.25, 12));
    cagradCoefficients(gram, 0.5, 2).forEach((c, i) => expect(c).toBeCloseTo(raw[i]! / 1.5, 12));
  });

  it('UW starts at sᵢ = −0.5 (LibMTL): λᵢ = ½e^0.5, L = Σ λᵢLᵢ + ½Σ sᵢ', async () => {
    const uw = uncertaintyWeights(2, -0.5);
    const { total, weights } = uw.objective(tf.tensor1d([1, 2]), [1, 1]);
    const lambda = 0.5 * Math.exp(0.5);
    expect(Array.from(await weights.data())).toEqual([
      expect.closeTo(lambda, 6),
      expect.closeTo(lambda, 6),
    ]);
    expect((await total.data())[0]).toBeCloseTo(3 * lambda - 0.5, 5);
    uw.dispose();
  });

  /** An Rng that returns the given uniforms, then fails. */
  const uniforms = (...values: number[]): Rng => ({
    next: () => values.shift() ?? Number.NaN,
    normal: () => Number.NaN,
    int: (n) => Math.floor((values.shift() ?? Number.NaN) * n),
  });

  it('RLW draws: Dirichlet(1), softmax of uniforms, one task; summing to T or to 1', () => {
    // Exponentials −ln(1 − u) of 1 and 3 normalize to (¼, ¾).
    const dirichlet = uniforms(1 - Math.exp(-1), 1 - Math.exp(-3));
    expect(rlwDraw(2, dirichlet, 'dirichlet', true)).toEqual([
      expect.closeTo(0.25, 12),
      expect.closeTo(0.75, 12),
    ]);
    // softmax(0, ln 2) = (⅓, ⅔), times T = 2.
    expect(rlwDraw(2, uniforms(0, Math.log(2)), 'uniform')).toEqual([
      expect.closeTo(2 / 3, 12),
      expect.closeTo(4 / 3, 12),
    ]);
    expect(rlwDraw(3, uniforms(0.5), 'oneTask')).toEqual([0, 3, 0]);
    expect(rlwDraw(3, uniforms(0.9), 'oneTask', true)).toEqual([0, 0, 1]);
  });

  it('PCGrad in task order, summed or averaged', () => {
    // g₁ = (1, 0), g₂ = (−1, 1), g₃ = (0, −1). Task 1: off g₂ → (½, ½), off g₃ → (½, 0):
    // coefficients (1, ½, ½). Task 2: off g₁ → (0, 1), off g₃ → 0: (1, 1, 1). Task 3: g₃·g₁ = 0,
    // off g₂ → (−½, −½): (0, ½, 1). Sum (2, 2, 2.5).
    const gram = gramOfVectors([
      [1, 0],
      [-1, 1],
      [0, -1],
    ]);
    const fixed = { randomOrder: false };
    expect(pcgradCoefficients(gram, createRng(1), fixed)).toEqual([2, 2, 2.5]);
    pcgradCoefficients(gram, createRng(1), { ...fixed, mean: true }).forEach((c, i) =>
      expect(c).toBeCloseTo([2, 2, 2.5][i]! / 3, 12),
    );
  });

  it('GradNorm: w stepped directly, or T·softmax of logits stepped by Adam', () => {
    // α = 0, norms (1, 3): G = (1, 3), targets mean G = 2, ∂/∂w = (−1, 3).
    const gram = gramOfVectors(orthogonal([1, 3]));
    const direct = new GradNormState(2, 0, 0.1, 'direct');
    direct.update(gram, [1, 1]);
    // w − 0.1·(−1, 3) = (1.1, 0.7), renormalized to sum 2.
    expect(direct.weights).toEqual([expect.closeTo(2.2 / 1.8, 12), expect.closeTo(1.4 / 1.8, 12)]);
    const softmax = new GradNormState(2, 0, 0.1, 'softmax');
    softmax.update(gram, [1, 1]);
    // ∂/∂ξ = T·z·(a − zᵀa) = (−2, 2); Adam's first step moves ξ to (0.1, −0.1).
    const w1 = 2 / (1 + Math.exp(-0.2));
    expect(softmax.weights).toEqual([expect.closeTo(w1, 6), expect.closeTo(2 - w1, 6)]);
  });

  it('representation gradients enter the Gram matrix per sample, or summed over the batch', async () => {
    // Two samples, one unit: g₁ = (1, −1), g₂ = (1, 1) per sample; summed, g₁ = 0 and g₂ = 2.
    const grads = {
      losses: tf.tensor1d([1, 1]),
      matrix: tf.tensor2d([
        [1, -1],
        [1, 1],
      ]),
      heads: [],
      encoded: null,
    };
    expect((await readGram(grads)).gram).toEqual([
      [2, 0],
      [0, 2],
    ]);
    const summed = (await readGram(grads, 2)).gram;
    expect(summed).toEqual([
      [0, 0],
      [0, 4],
    ]);
    // MGDA then sees orthogonal equal gradients (½, ½), or a task already at rest (1, 0).
    expect(mgdaCoefficients(summed, [1, 1], 0)).toEqual([1, 0]);
  });

  it('refuses a choice that is not one, naming the choices', () => {
    expect(paramProblem('cagradRescale', 3)).toBe(
      'CAGrad rescale must be one of none: d, d / (1 + c²) (paper), d / (1 + c); got 3',
    );
    expect(paramProblem('mgdaNormalization', 2)).toBeNull();
  });
});

describe('small dense solvers', () => {
  it('solve a pivoting system and refuse a singular one', () => {
    expect(
      solveLinear(
        [
          [0, 1],
          [2, 0],
        ],
        [3, 4],
      ),
    ).toEqual([2, 3]);
    expect(
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeNull();
  });

  it('decompose a symmetric matrix: A·v = λ·v with orthonormal v', () => {
    const a = gramOfVectors(skewed);
    const { values, vectors } = symmetricEigen(a);
    vectors.forEach((v, k) => {
      a.forEach((row, i) => expect(dot(row, v)).toBeCloseTo(values[k]! * v[i]!, 10));
      vectors.forEach((w, l) => expect(dot(v, w)).toBeCloseTo(k === l ? 1 : 0, 12));
    });
  });
});
