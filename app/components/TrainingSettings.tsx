import { OPTIMIZERS, type OptimizerKind } from '../../src/spec/types';
import { useApp, type AppState } from '../store';
import { isTraining } from '../store/selectors';
import { NumberField } from './NumberField';

const OPTIMIZER_LABELS: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'SGD + momentum 0.9',
  adam: 'Adam',
  rmsprop: 'RMSProp',
};

const selectTrainingSettings = (s: AppState) => ({
  config: s.config,
  editDesign: s.editDesign,
  setLearningRate: s.setLearningRate,
  setBatchSize: s.setBatchSize,
  setMaxSteps: s.setMaxSteps,
  running: isTraining(s),
});

/** Optimizer and schedule. Learning rate and batch size apply mid-run; the others rebuild the run. */
export function TrainingSettings() {
  const { config, editDesign, setLearningRate, setBatchSize, setMaxSteps, running } =
    useApp(selectTrainingSettings);
  const editConfig = (patch: Partial<typeof config>, key: string) =>
    editDesign((d) => ({ ...d, config: { ...d.config, ...patch } }), key);

  return (
    <fieldset className="panel" aria-label="Training">
      <legend>Training</legend>
      <div className="grid2">
        <label className="field">
          <span>Optimizer</span>
          <select
            aria-label="Optimizer"
            value={config.optimizer}
            disabled={running}
            onChange={(e) =>
              editConfig({ optimizer: e.target.value as OptimizerKind }, 'optimizer')
            }
          >
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {OPTIMIZER_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Learning rate"
          value={config.learningRate}
          min={0}
          step={0.001}
          onValue={setLearningRate}
        />
        <NumberField
          label="Batch size"
          value={config.batchSize}
          min={1}
          step={1}
          onValue={setBatchSize}
        />
        <NumberField
          label="Weight decay"
          value={config.weightDecay}
          min={0}
          step={0.0001}
          disabled={running}
          onValue={(weightDecay) => editConfig({ weightDecay }, 'weightDecay')}
        />
        <div className="field">
          <NumberField
            label="Steps"
            value={config.maxSteps ?? 2000}
            min={1}
            step={100}
            disabled={running || config.maxSteps === null}
            onValue={setMaxSteps}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={config.maxSteps === null}
              disabled={running}
              onChange={(e) => setMaxSteps(e.target.checked ? null : 2000)}
            />
            Until paused
          </label>
        </div>
        <NumberField
          label="Seed"
          value={config.seed}
          step={1}
          disabled={running}
          onValue={(seed) => editConfig({ seed }, 'seed')}
        />
      </div>
    </fieldset>
  );
}
