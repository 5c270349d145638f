/**
 * The experiment's own bookkeeping on the main thread, timed apart from drawing: the app's store
 * runs an experiment in Node against an in-process worker handler (tf.js cpu) whose messages
 * cross as they would between threads (never inside the store's call). At each move of the
 * experiment it times what the page's thread does for it: the driver's step
 * (`advanceExperiment`, which also starts the next run), saving the experiment for a reload
 * (its JSON), and the results table's and charts' numbers (summary, chart data).
 *   npx tsx scripts/bench/experimentBookkeeping.ts [--steps=300] [--seeds=3]
 */
// The engine's kernel overrides, as the app's worker registers them.
import '../../src/testing/kernelSetup';
import { createAppStore } from '../../app/store/appStore';
import { driveExperiments } from '../../app/store/experimentDriver';
import { experimentChartData } from '../../app/components/experiment/chartData';
import { experimentMethods } from '../../src/spec/experiment';
import { summarizeExperiment } from '../../src/train/experiment/summary';
import { WorkerHandler } from '../../src/worker/handler';
import type { FromWorker } from '../../src/worker/protocol';
import { until } from './appInNode';
import { flag } from './cli';

const steps = Number(flag('steps') ?? 300);
const seeds = Number(flag('seeds') ?? 3);

let count = 0;
const box: { store?: ReturnType<typeof createAppStore> } = {};
const handler = new WorkerHandler((m: FromWorker) =>
  setTimeout(() => box.store!.getState().receive(m), 0),
);
const store = createAppStore({
  send: (m) => void setTimeout(() => void handler.handle(m), 0),
  confirmDiscard: () => true,
  newRunId: () => `run-${++count}`,
});
box.store = store;
await handler.handle({ type: 'selectBackend', choice: 'cpu' });

const driver: number[] = [];
const saving: number[] = [];
const numbers: number[] = [];
const advance = store.getState().advanceExperiment;
store.setState({
  advanceExperiment: (previous) => {
    const before = store.getState().experiment;
    const started = performance.now();
    advance(previous);
    const after = store.getState().experiment;
    if (after === before) return; // nothing moved: the common case, a batch of metrics
    driver.push(performance.now() - started);
    const t0 = performance.now();
    JSON.stringify(after);
    saving.push(performance.now() - t0);
    const t1 = performance.now();
    const { spec, results, baselines } = after!;
    const summary = summarizeExperiment(spec.design.spec.tasks, spec.methods, results, baselines);
    experimentChartData(spec, results, store.getState().savedRuns, summary);
    numbers.push(performance.now() - t1);
  },
});
driveExperiments(store);
const { spec, config } = store.getState();
store.getState().startExperiment({
  methods: experimentMethods(
    { strategies: ['equal', 'mgda'], architectures: [] },
    { spec, config },
  ),
  seeds,
  steps,
});
await until(() => store.getState().experiment?.status === 'done');
const row = (label: string, ms: number[]) =>
  `| ${label} | ${ms.length} | ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(2)} ms | ${Math.max(...ms).toFixed(2)} ms |`;
console.log(
  [
    `Equal and MGDA-UB × ${seeds} seeds × ${steps} steps, default example:`,
    '',
    '| at each move | moves | mean | longest |',
    '| --- | ---: | ---: | ---: |',
    row('driver step (advanceExperiment, starting the next run)', driver),
    row('saving it for a reload (JSON)', saving),
    row('table and chart numbers', numbers),
  ].join('\n'),
);
process.exit(0);
