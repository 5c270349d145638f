/**
 * An experiment preset (src/design/experimentPresets.ts) run through the app's own Experiment
 * action in Node (tf.js cpu), printed as the panel's Markdown table.
 *   npx tsx scripts/bench/experimentTable.ts [--preset=competing-tasks] [--steps=N] [--seeds=N]
 */
import { EXPERIMENT_PRESETS } from '../../src/design/experimentPresets';
import { STRATEGY_INFO } from '../../src/spec/weighting';
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
const started = performance.now();
store.getState().startExperiment({
  methods: preset.draft.strategies.map((strategy) => ({
    label: STRATEGY_INFO[strategy].label,
    weighting: { ...store.getState().config.weighting, strategy },
  })),
  seeds,
  steps,
});
await until(() => store.getState().experiment?.status === 'done');
const { spec, results, baselines } = store.getState().experiment!;
console.log(
  `${preset.label}: ${steps} steps, ${seeds} seeds, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
);
console.log(
  summaryMarkdown(summarizeExperiment(spec.design.spec.tasks, spec.methods, results, baselines)),
);
process.exit(0);
