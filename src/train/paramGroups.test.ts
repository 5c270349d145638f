import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer } from '../bench/referenceLoops';
import { OPTIMIZERS } from '../spec/types';
import { useCpuBackend } from '../testing/tfCpu';
import { createGroup, ParamGroup, stepGroups } from './paramGroups';

beforeAll(useCpuBackend);

const SHAPES: number[][] = [[3, 4], [4], [2, 2, 3], [1]];

/** Variables of several ranks with fixed starting values. */
const makeVariables = (): tf.Variable[] =>
  SHAPES.map((shape, k) =>
    tf.tidy(() =>
      tf.variable(
        tf
          .sin(
            tf.add(
              tf.range(
                0,
                shape.reduce((a, b) => a * b, 1),
              ),
              k,
            ),
          )
          .reshape(shape),
      ),
    ),
  );

/** Gradients that change every step and differ per variable (some negative, some tiny). */
const gradientsAt = (step: number): tf.Tensor[] =>
  SHAPES.map((shape, k) =>
    tf.tidy(() => {
      const n = shape.reduce((a, b) => a * b, 1);
      return tf.mul(tf.cos(tf.add(tf.range(0, n), step * 1.7 + k)), 10 ** -(k % 3)).reshape(shape);
    }),
  );

/** Every variable's values, read asynchronously. */
const read = async (vs: tf.Variable[]): Promise<number[][]> =>
  Promise.all(vs.map(async (v) => Array.from(await v.data())));

describe('ParamGroup: flat update rules', () => {
  it.each(OPTIMIZERS)(
    'steps %s exactly as tf.js does, through a learning-rate change',
    async (kind) => {
      const ours = makeVariables();
      const theirs = makeVariables();
      const group = new ParamGroup(ours, kind, 0.05);
      const reference = createOptimizer(kind, 0.05);
      for (let step = 0; step < 12; step++) {
        if (step === 6) {
          group.setLearningRate(0.01);
          // tf.js: SGD and momentum have a setter; Adam and RMSProp read the field every step.
          const sgd = reference as Partial<tf.SGDOptimizer>;
          if (sgd.setLearningRate) sgd.setLearningRate(0.01);
          else (reference as unknown as { learningRate: number }).learningRate = 0.01;
        }
        const grads = gradientsAt(step);
        stepGroups([{ group, grads }], 1);
        reference.applyGradients(Object.fromEntries(theirs.map((v, i) => [v.name, grads[i]!])));
        tf.dispose(grads);
      }
      const expected = await read(theirs);
      (await read(ours)).forEach((values, i) =>
        values.forEach((x, j) => expect(x).toBeCloseTo(expected[i]![j]!, 5)),
      );
      group.dispose();
      reference.dispose();
      tf.dispose([...ours, ...theirs]);
    },
  );

  it('steps groups together exactly as each alone, also groups at different step counts', async () => {
    const together = makeVariables();
    const alone = makeVariables();
    const groupsOf = (vs: tf.Variable[]) => [
      createGroup(vs.slice(0, 2), 'adam', 0.05)!,
      createGroup(vs.slice(2), 'adam', 0.05)!,
    ];
    const [a1, a2] = groupsOf(together);
    const [b1, b2] = groupsOf(alone);
    for (let step = 0; step < 8; step++) {
      const grads = gradientsAt(step);
      // From step 3 on, the first group sits out two steps (a frozen head): its count falls behind.
      const skip = step === 3 || step === 4;
      stepGroups(
        [
          ...(skip ? [] : [{ group: a1!, grads: grads.slice(0, 2) }]),
          { group: a2!, grads: grads.slice(2) },
        ],
        0.99,
      );
      if (!skip) stepGroups([{ group: b1!, grads: grads.slice(0, 2) }], 0.99);
      stepGroups([{ group: b2!, grads: grads.slice(2) }], 0.99);
      tf.dispose(grads);
    }
    expect(a1!.iterations).toBe(6);
    expect(a2!.iterations).toBe(8);
    expect(await read(together)).toEqual(await read(alone));
    [a1, a2, b1, b2].forEach((g) => g!.dispose());
    tf.dispose([...together, ...alone]);
  });

  it('takes a missing gradient as zero: Adam momentum still moves that variable', async () => {
    const vs = makeVariables();
    const group = createGroup(vs, 'adam', 0.1)!;
    stepGroups([{ group, grads: gradientsAt(0) }], 1);
    const before = await read(vs);
    stepGroups([{ group, grads: [null, null, null, null] }], 1);
    (await read(vs)).forEach((values, i) => expect(values).not.toEqual(before[i]));
    group.dispose();
    tf.dispose(vs);
  });

  it('decays kernels (rank ≥ 2) after the step and leaves biases alone', async () => {
    const vs = makeVariables();
    const group = createGroup(vs, 'sgd', 0)!; // lr 0: only the decay moves anything
    const before = await read(vs);
    const zeros = vs.map((v) => tf.zerosLike(v));
    stepGroups([{ group, grads: zeros }], 0.5);
    const after = await read(vs);
    SHAPES.forEach((shape, i) =>
      after[i]!.forEach((x, j) =>
        expect(x).toBeCloseTo(shape.length >= 2 ? before[i]![j]! * 0.5 : before[i]![j]!, 6),
      ),
    );
    tf.dispose([...zeros, ...vs]);
    group.dispose();
  });

  it('keeps the tensor count flat across steps and frees its state on dispose', () => {
    const vs = makeVariables();
    const start = tf.memory().numTensors;
    const group = createGroup(vs, 'adam', 0.01)!;
    const withState = tf.memory().numTensors;
    for (let step = 0; step < 5; step++) {
      const grads = gradientsAt(step);
      stepGroups([{ group, grads }], 0.9);
      tf.dispose(grads);
    }
    expect(tf.memory().numTensors).toBe(withState);
    group.dispose();
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose(vs);
  });

  it('is null for an empty variable list', () => {
    expect(createGroup([], 'adam', 0.01)).toBeNull();
  });
});
