import { sharingMode } from '../../src/spec/sharing';
import {
  paramsOf,
  STRATEGIES,
  STRATEGY_INFO,
  STRATEGY_PARAMS,
  strategyCaveat,
  type StrategyParam,
  type StrategyId,
} from '../../src/spec/weighting';
import { useApp, type AppState } from '../store';
import { NumberField } from './NumberField';

const FAMILIES = [
  { family: 'loss', label: 'Weight the losses (no extra cost)' },
  { family: 'gradient', label: 'Combine task gradients (extra backward passes)' },
] as const;

const selectWeightingPanel = (s: AppState) => ({
  weighting: s.config.weighting,
  tasks: s.spec.tasks.length,
  singleRepresentation: sharingMode(s.spec.sharing).singleRepresentation,
  setWeighting: s.setWeighting,
});

/** How tasks are balanced: the strategy, its hyper-parameters, and what it does. Applies mid-run. */
export function WeightingPanel() {
  const { weighting, tasks, singleRepresentation, setWeighting } = useApp(selectWeightingPanel);
  const info = STRATEGY_INFO[weighting.strategy];
  const caveat = strategyCaveat(weighting.strategy, tasks);
  const representation = info.representation === true;

  return (
    <fieldset className="panel" aria-label="Task weighting">
      <legend>Task weighting</legend>
      <label className="field">
        <span>Weighting strategy</span>
        <select
          aria-label="Weighting strategy"
          value={weighting.strategy}
          onChange={(e) => setWeighting({ strategy: e.target.value as StrategyId })}
        >
          {FAMILIES.map(({ family, label }) => (
            <optgroup key={family} label={label}>
              {STRATEGIES.filter((s) => STRATEGY_INFO[s].family === family).map((s) => (
                <option key={s} value={s}>
                  {STRATEGY_INFO[s].label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <p className="muted">{info.summary}</p>
      {representation && (
        <p className="muted">
          {singleRepresentation
            ? 'Gradients are taken at the shared representation: one extra backward pass through each head.'
            : 'This sharing mode has no single shared representation, so this uses gradients of the shared weights (one pass per task).'}
        </p>
      )}
      {caveat && <p className="note">{caveat}</p>}
      <div className="grid2">
        {paramsOf(weighting.strategy).map((key) => {
          const param: StrategyParam = STRATEGY_PARAMS[key];
          return param.choices ? (
            <label key={key} className="field">
              <span>{param.label}</span>
              <select
                value={weighting[key]}
                onChange={(e) => setWeighting({ [key]: Number(e.target.value) })}
              >
                {param.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <NumberField
              key={key}
              label={param.label}
              value={weighting[key]}
              min={param.min}
              step={param.step}
              onValue={(value) => setWeighting({ [key]: value })}
            />
          );
        })}
      </div>
    </fieldset>
  );
}
