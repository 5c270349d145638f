/**
 * What an experiment costs beside training its runs one by one: the same store and worker
 * handler the app uses (in Node, tf.js cpu), once driven by the Experiment panel's action and
 * once as a person would, Train on each cell and Baselines after each seed's first run.
 *   npx tsx scripts/bench/experimentCost.ts [--steps=300] [--seeds=2] [--methods=equal,mgda]
 * Prints both wall times, alternating which goes first, and their ratio.
 */
import { experimentCells, cellDesign, type ExperimentSpec } from '../../src/spec/experiment';
import { DEFAULT_WEIGHTING, STRATEGY_INFO, type StrategyId } from '../../src/spec/weighting';
import { driveExperiments } from '../../app/store/experimentDriver';
import { appInNode as app, until } from './appInNode';
import { flag } from './cli';

const steps = Number(flag('steps') ?? 300);
const seeds = Number(flag('seeds') ?? 2);
const strategies = (flag('methods') ?? 'equal,mgda').split(',') as StrategyId[];
const rounds = Number(flag('rounds') ?? 2);

const methods = strategies.map((strategy) => ({
  label: STRATEGY_INFO[strategy].label,
  weighting: { ...DEFAULT_WEIGHTING, strategy },
}));

async function asExperiment(): Promise<number> {
  const { store } = await app();
  const stop = driveExperiments(store);
  const started = performance.now();
  store.getState().startExperiment({ methods, seeds, steps });
  await until(() => store.getState().experiment?.status === 'done');
  stop();
  return performance.now() - started;
}

async function oneByOne(): Promise<number> {
  const { store } = await app();
  const s = store.getState();
  const spec: ExperimentSpec = {
    id: 'by-hand',
    createdAt: 0,
    design: { spec: s.spec, config: s.config, data: s.data },
    methods,
    seeds: Array.from({ length: seeds }, (_, i) => s.config.seed + i),
    steps,
  };
  const started = performance.now();
  const done = new Set<number>();
  for (const cell of experimentCells(spec)) {
    const design = cellDesign(spec, cell);
    store.getState().reset();
    store.setState({ spec: design.spec, config: design.config, data: design.data });
    store.getState().train();
    await until(() => {
      const run = store.getState().run;
      return run.state === 'done' && run.valLoss.steps.at(-1) === steps;
    });
    if (!done.has(cell.seed)) {
      done.add(cell.seed);
      store.getState().runBaselines();
      await until(() => store.getState().run.baselines !== null);
    }
  }
  return performance.now() - started;
}

const times = { experiment: [] as number[], byHand: [] as number[] };
for (let round = 0; round < rounds; round++) {
  // Alternate the order, so neither side always runs on a warmer process.
  if (round % 2 === 0) {
    times.byHand.push(await oneByOne());
    times.experiment.push(await asExperiment());
  } else {
    times.experiment.push(await asExperiment());
    times.byHand.push(await oneByOne());
  }
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const runs = methods.length * seeds;
console.log(
  `${runs} runs × ${steps} steps (+ baselines of ${seeds} seeds), ${rounds} rounds, tf.js cpu`,
);
console.log(`one by one: ${times.byHand.map((t) => (t / 1000).toFixed(2)).join(', ')} s`);
console.log(`experiment: ${times.experiment.map((t) => (t / 1000).toFixed(2)).join(', ')} s`);
console.log(
  `ratio experiment / one by one: ${(sum(times.experiment) / sum(times.byHand)).toFixed(3)}`,
);
process.exit(0);
