import fc from 'fast-check';
import type { Field } from '../layers/layerDef';
import { layerDef, layerTypes } from '../layers/registry';
import type { Design } from '../spec/serialize';
import { PRESETS, type Preset } from '../design/presets';
import {
  STRATEGIES,
  STRATEGY_PARAM_KEYS,
  STRATEGY_PARAMS,
  type StrategyParam,
  type StrategyParamKey,
} from '../spec/weighting';
import {
  DATASETS,
  LOSSES,
  METRICS,
  OPTIMIZERS,
  type LayerSpec,
  type ModelSpec,
  type TaskSpec,
  type TrainConfig,
} from '../spec/types';
import { EXTRA_LAYERS } from './layerDesigns';

/**
 * Random designs for property tests: a preset (or a layer-coverage design) with a few random edits,
 * as a person makes them in the editor or in a hand-written design file. Values are mostly in the
 * range a person would pick, with absurd ones mixed in (0, negatives, fractions, 10⁹, NaN, wrong
 * layer types), so a run of the property sees both designs that train and designs that must be
 * refused. Sizes stay small enough that a valid design takes one cpu step in well under a second.
 */

/** A count a person might type: usually small, sometimes absurd. */
const count = (max: number) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 1, max }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 2.5, 1e9, Number.NaN, max * 1000) },
  );

/** A rate or share: usually in [0.05, 0.9], sometimes at or past the ends, or not a number. */
/** A strategy hyper-parameter: mostly in its range (near its low end), sometimes absurd. */
const paramValue = (p: StrategyParam): fc.Arbitrary<number> =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: p.integer
        ? fc.integer({ min: p.min, max: Math.min(p.max, p.min + 30) })
        : fc.double({ min: p.min, max: Math.min(p.max, p.min + 3), noNaN: true }),
    },
    { weight: 1, arbitrary: fc.constantFrom(p.min - 1, p.max + 1, Number.NaN) },
  );

const ratio = fc.oneof(
  { weight: 9, arbitrary: fc.double({ min: 0.05, max: 0.9, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, -0.5, 1.5, 1e12, Number.NaN, Infinity) },
);

/** One parameter of a layer, drawn from what its definition allows (and a little past it). */
function fieldArbitrary(field: Field<LayerSpec>): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'int':
      return count(Math.min(field.max, 6)); // small, so valid designs step quickly
    case 'number':
      return ratio;
    case 'choice':
      return fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...field.options) },
        { weight: 1, arbitrary: fc.constant('swish') },
      );
    case 'flag':
      return fc.boolean();
  }
}

/** Any registered layer, its parameters drawn as above, and now and then an unknown type. */
export const layerArbitrary: fc.Arbitrary<LayerSpec> = fc.oneof(
  ...layerTypes().map((type) =>
    fc.record({
      type: fc.constant(type),
      ...Object.fromEntries(layerDef(type).fields.map((f) => [f.key, fieldArbitrary(f)])),
    }),
  ),
  fc.constant({ type: 'transformer' }),
) as fc.Arbitrary<LayerSpec>;

const startFrom = (p: Preset): Design => ({
  spec: p.spec,
  config: { ...p.config, maxSteps: 1 },
  // Small datasets: a valid design should build and step quickly.
  data: { ...p.data, size: Math.min(p.data.size, 300) },
});
const everyStart = [...PRESETS, ...EXTRA_LAYERS.map(([, p]) => p)];
/** One cpu step of the MNIST LeNets takes seconds in Node (tf.js's cpu convolutions), validation more. */
const SLOW_ON_CPU = ['multimnist', 'mnist'];

type Edit = (d: Design) => Design;

/** An edit drawn with its arguments, `weight` times as often as an edit of weight 1. */
const edit = <T>(weight: number, args: fc.Arbitrary<T>, apply: (d: Design, args: T) => Design) => ({
  weight,
  arbitrary: args.map(
    (a): Edit =>
      (d) =>
        apply(d, a),
  ),
});

/** Where a layer list lives: the encoder (-1) or one task's head. */
const layerList = fc.oneof(fc.constant(-1), fc.nat(3));
const withLayers = (d: Design, where: number, change: (l: LayerSpec[]) => LayerSpec[]): Design => {
  if (where < 0 || where >= d.spec.tasks.length)
    return { ...d, spec: { ...d.spec, encoder: change(d.spec.encoder) } };
  const tasks = d.spec.tasks.map((t, i) => (i === where ? { ...t, head: change(t.head) } : t));
  return { ...d, spec: { ...d.spec, tasks } };
};
const withSpec = (d: Design, spec: Partial<ModelSpec>): Design => ({
  ...d,
  spec: { ...d.spec, ...spec },
});
const taskAt = (d: Design, i: number) => d.spec.tasks[i % Math.max(1, d.spec.tasks.length)];
const withTask = (d: Design, i: number, task: Partial<TaskSpec>): Design =>
  withSpec(d, { tasks: d.spec.tasks.map((t) => (t === taskAt(d, i) ? { ...t, ...task } : t)) });
const withConfig = (d: Design, config: Partial<TrainConfig>): Design => ({
  ...d,
  config: { ...d.config, ...config },
});

/** Task names: valid ones, and ones the name rules refuse (empty, spaces, markup, too long). */
const taskName = fc.constantFrom(
  'task_2',
  'Alpha-1',
  'circle',
  '',
  'a b',
  '<b>x</b>',
  'ünï',
  'x'.repeat(80),
);

/** Renames a task as the editor does, carrying its λ to the new name. */
function renameTask(d: Design, i: number, name: string): Design {
  const task = taskAt(d, i);
  if (!task) return d;
  const { [task.name]: lambda, ...lambdas } = d.config.lambdas;
  return withConfig(withTask(d, i, { name }), { lambdas: { ...lambdas, [name]: lambda ?? 1 } });
}

const edits: fc.Arbitrary<Edit> = fc.oneof(
  edit(3, fc.tuple(layerList, fc.nat(6), layerArbitrary), (d, [where, at, layer]) =>
    withLayers(d, where, (l) => [...l.slice(0, at), layer, ...l.slice(at)]),
  ),
  edit(3, fc.tuple(layerList, fc.nat(6)), (d, [where, at]) =>
    withLayers(d, where, (l) => l.filter((_, i) => i !== at)),
  ),
  edit(3, fc.tuple(layerList, fc.nat(6), layerArbitrary), (d, [where, at, layer]) =>
    withLayers(d, where, (l) => l.map((old, i) => (i === at ? layer : old))),
  ),
  edit(1, fc.tuple(fc.nat(3), count(12)), (d, [i, outputUnits]) => withTask(d, i, { outputUnits })),
  edit(
    2,
    fc.tuple(fc.nat(3), fc.constantFrom(...LOSSES), fc.constantFrom(...METRICS)),
    (d, [i, loss, metric]) => withTask(d, i, { loss, metric }),
  ),
  edit(2, fc.tuple(fc.nat(3), taskName), (d, [i, name]) => renameTask(d, i, name)),
  edit(2, fc.nat(3), (d, i) => withSpec(d, { tasks: d.spec.tasks.filter((_, k) => k !== i) })),
  // A second head on a target: valid under a new name, refused under the same one.
  edit(2, fc.tuple(fc.nat(3), fc.boolean()), (d, [i, rename]) => {
    const task = taskAt(d, i);
    if (!task) return d;
    const twin = withSpec(d, { tasks: [...d.spec.tasks, task] });
    return rename ? renameTask(twin, twin.spec.tasks.length - 1, `${task.name}_2`) : twin;
  }),
  edit(
    3,
    fc.oneof(
      fc.constant({ mode: 'hard' as const }),
      count(4).map((experts) => ({ mode: 'mmoe' as const, experts })),
    ),
    (d, sharing) => withSpec(d, { sharing }),
  ),
  // Another input almost always needs another dataset: drawn less often.
  edit(
    1,
    fc.oneof(
      count(12).map((size) => ({ kind: 'features' as const, size })),
      fc
        .tuple(count(16), count(16), count(3))
        .map(([height, width, channels]) => ({ kind: 'image' as const, height, width, channels })),
      fc
        .tuple(count(16), count(12))
        .map(([length, vocabSize]) => ({ kind: 'tokens' as const, length, vocabSize })),
    ),
    (d, input) => withSpec(d, { input }),
  ),
  edit(
    3,
    fc.record({
      optimizer: fc.constantFrom(...OPTIMIZERS),
      learningRate: fc.oneof(
        { weight: 9, arbitrary: fc.double({ min: 1e-4, max: 0.1, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(0, -0.01, 11, 1e9, Number.NaN) },
      ),
      batchSize: count(64),
      weightDecay: ratio,
    }),
    withConfig,
  ),
  edit(
    3,
    fc.tuple(
      fc.nat(3),
      fc.oneof(
        { weight: 9, arbitrary: fc.double({ min: 0, max: 5, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(-1, 101, Number.NaN) },
      ),
    ),
    (d, [i, lambda]) =>
      withConfig(d, { lambdas: { ...d.config.lambdas, [taskAt(d, i)?.name ?? 'ghost']: lambda } }),
  ),
  edit(
    3,
    fc.record({
      strategy: fc.constantFrom(...STRATEGIES),
      params: fc.record(
        Object.fromEntries(
          STRATEGY_PARAM_KEYS.map((k) => [k, paramValue(STRATEGY_PARAMS[k])]),
        ) as Record<StrategyParamKey, fc.Arbitrary<number>>,
      ),
    }),
    (d, { strategy, params }) => withConfig(d, { weighting: { strategy, ...params } }),
  ),
  edit(
    2,
    fc.record({
      // Another dataset almost always needs another model too: mostly the kind stays.
      kind: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...DATASETS) },
      ),
      size: fc.oneof(
        { weight: 9, arbitrary: fc.integer({ min: 20, max: 300 }) },
        { weight: 1, arbitrary: fc.constantFrom(0, -5, 1e9, 2.5) },
      ),
      noise: ratio,
      valFraction: ratio,
    }),
    (d, { kind, ...changes }) => ({
      ...d,
      data: { ...d.data, ...changes, kind: kind ?? d.data.kind },
    }),
  ),
);

const editedFrom = (starts: Preset[]): fc.Arbitrary<Design> =>
  fc
    .tuple(
      fc.constantFrom(...starts.map(startFrom)),
      fc.array(edits, { minLength: 1, maxLength: 3 }),
    )
    .map(([start, edits]) => edits.reduce((d, e) => e(d), start));

/** A starting design (any preset or layer-coverage design) with one to three random edits. */
export const designArbitrary = editedFrom(everyStart);

/** The same, from the starts that train fast on tf.js's cpu backend (for properties that train). */
export const quickDesignArbitrary = editedFrom(
  everyStart.filter((p) => !SLOW_ON_CPU.includes(p.id)),
);
