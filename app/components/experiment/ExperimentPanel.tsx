import { EXPERIMENT_PRESETS } from '../../../src/design/experimentPresets';
import { experimentMethods, MAX_SEEDS } from '../../../src/spec/experiment';
import { SHARING_MODES, sharingModeNamed } from '../../../src/spec/sharing';
import type { SharingSpec } from '../../../src/spec/types';
import { STRATEGIES, STRATEGY_INFO, type StrategyId } from '../../../src/spec/weighting';

type SharingMode = SharingSpec['mode'];
import { useApp, type AppState } from '../../store';
import { experimentBusy } from '../../store/experimentSlice';
import { isTraining } from '../../store/selectors';
import { NumberField } from '../NumberField';
import { ExperimentProgressLine } from './ExperimentProgressLine';
import { ExperimentResults } from './ExperimentResults';

const selectExperimentPanel = (s: AppState) => ({
  experiment: s.experiment,
  spec: s.spec,
  config: s.config,
  draft: s.experimentDraft,
  setDraft: s.setExperimentDraft,
  busy: experimentBusy(s),
  training: isTraining(s),
  startExperiment: s.startExperiment,
  loadPreset: s.loadPreset,
  stopExperiment: s.stopExperiment,
  resumeExperiment: s.resumeExperiment,
  closeExperiment: s.closeExperiment,
});

/**
 * Every picked weighting with every seed on the current design, one run after another, and the
 * table papers report: each task's metric as mean ± std, Δm % over the seed's baselines, ranks.
 */
export function ExperimentPanel() {
  const s = useApp(selectExperimentPanel);
  const { strategies: picked, architectures, seeds, steps } = s.draft;
  const toggle = (id: StrategyId) =>
    s.setDraft({
      strategies: picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id],
    });
  const toggleArchitecture = (mode: SharingMode) =>
    s.setDraft({
      architectures: architectures.includes(mode)
        ? architectures.filter((x) => x !== mode)
        : [...architectures, mode],
    });
  const start = () =>
    s.startExperiment({
      methods: experimentMethods(s.draft, { spec: s.spec, config: s.config }),
      seeds,
      steps,
    });
  const status = s.experiment?.status;
  return (
    <section className="panel experiment" aria-label="Experiment">
      <h2>Experiment</h2>
      <p className="muted">
        Trains every picked method on this design once per repeat, each repeat with the next seed
        (each run is a saved run), each seed’s tasks alone once for Δm %, and tabulates mean ± std
        over the repeats. The budget is in training steps. Methods use the Weighting panel’s
        hyper-parameters; an architecture other than the design’s starts from its usual settings.
      </p>
      <label className="field">
        <span>Comparison from the literature</span>
        <select
          aria-label="Comparison"
          value=""
          disabled={s.busy}
          onChange={(e) => {
            const preset = EXPERIMENT_PRESETS.find((p) => p.id === e.target.value);
            if (!preset) return;
            s.loadPreset(preset.design);
            s.setDraft(preset.draft);
          }}
        >
          <option value="" disabled>
            Load a design and its methods…
          </option>
          {EXPERIMENT_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="method-picks" disabled={s.busy}>
        <legend>Methods</legend>
        {STRATEGIES.map((id) => (
          <label key={id} className="check">
            <input type="checkbox" checked={picked.includes(id)} onChange={() => toggle(id)} />
            {STRATEGY_INFO[id].label}
          </label>
        ))}
      </fieldset>
      <fieldset className="method-picks" disabled={s.busy}>
        <legend>Architectures</legend>
        {SHARING_MODES.map((mode) => (
          <label key={mode} className="check">
            <input
              type="checkbox"
              checked={architectures.includes(mode)}
              onChange={() => toggleArchitecture(mode)}
            />
            {sharingModeNamed(mode).name}
          </label>
        ))}
        <p className="muted">
          {architectures.length === 0
            ? `None picked: every run keeps this design’s ${sharingModeNamed(s.spec.sharing.mode).name}.`
            : 'Each picked architecture runs with every picked method, on this design’s layers.'}
        </p>
      </fieldset>
      <div className="row wrap">
        <NumberField
          label="Repeats"
          value={seeds}
          min={1}
          max={MAX_SEEDS}
          step={1}
          onValue={(n) => s.setDraft({ seeds: n })}
        />
        <NumberField
          label="Budget per run"
          value={steps}
          min={1}
          max={1_000_000}
          step={1}
          onValue={(n) => s.setDraft({ steps: n })}
        />
        <button
          type="button"
          disabled={s.busy || s.training || picked.length === 0}
          onClick={start}
          title={s.training ? 'Pause or reset the current run first' : undefined}
        >
          Run experiment
        </button>
        {s.busy && (
          <button type="button" onClick={s.stopExperiment}>
            Stop experiment
          </button>
        )}
        {status === 'stopped' && (
          <button type="button" disabled={s.training} onClick={() => void s.resumeExperiment()}>
            Resume experiment
          </button>
        )}
        {(status === 'done' || status === 'stopped') && (
          <button type="button" onClick={s.closeExperiment}>
            Close results
          </button>
        )}
      </div>
      {s.experiment && <ExperimentProgressLine experiment={s.experiment} />}
      {s.experiment && <ExperimentResults experiment={s.experiment} />}
    </section>
  );
}
