/**
 * An experiment preset (src/design/experimentPresets.ts) run through the app's own Experiment
 * action in Node (tf.js cpu), printed as the panel's Markdown table.
 *   npx tsx scripts/bench/experimentTable.ts [--preset=competing-tasks] [--steps=N] [--seeds=N]
 *     [--correlation=ρ] (the correlated-regressions table's ρ)
 */
import { EXPERIMENT_PRESETS } from '../../src/design/experimentPresets';
import { experimentMethods } from '../../src/spec/experiment';
import { summarizeExperiment } from '../../src/train/experiment/summary';
import { summaryMarkdown } from '../../src/train/experiment/table';
import { driveExperiments } from '../../app/store/experimentDriver';
import { appInNode, until } from './appInNode';
import { flag } from './cli';

const preset = EXPERIMENT_PRESETS.find((p) => p.id === (flag('preset') ?? 'competing-tasks'))!;
const steps = Number(flag('steps') ?? preset.draft.steps);
const seeds = Number(flag('seeds') ?? preset.draft.seeds);

const { store } = await appInNode();
driveExperiments(store);
store.getState().loadPreset(preset.design);
const correlation = flag('correlation');
if (correlation !== undefined)
  store.getState().setDataOptions({ correlation: Number(correlation) });
const started = performance.now();
const { spec: model, config } = store.getState();
store.getState().startExperiment({
  methods: experimentMethods(preset.draft, { spec: model, config }),
  seeds,
  steps,
});
await until(() => store.getState().experiment?.status === 'done');
const { spec, results, baselines } = store.getState().experiment!;
console.log(
  `${preset.label}${correlation === undefined ? '' : ` at ρ = ${correlation}`}: ${steps} steps, ${seeds} seeds, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(
  summaryMarkdown(summarizeExperiment(spec.design.spec.tasks, spec.methods, results, baselines)),
);
process.exit(0);
