import type { OptimizerKind } from '../../src/spec/types';
import { useApp } from '../store';
import { NumberField } from './NumberField';

/** Optimizer and schedule. Learning rate and batch size apply mid-run; the others rebuild the run. */
export function TrainingSettings() {
  const config = useApp((s) => s.config);
  const editDesign = useApp((s) => s.editDesign);
  const setLearningRate = useApp((s) => s.setLearningRate);
  const setBatchSize = useApp((s) => s.setBatchSize);
  const setMaxSteps = useApp((s) => s.setMaxSteps);
  const running = useApp((s) => s.run.state === 'running');

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
              editDesign((d) => ({
                ...d,
                config: { ...d.config, optimizer: e.target.value as OptimizerKind },
              }))
            }
          >
            <option value="adam">Adam</option>
            <option value="sgd">SGD</option>
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
          label="Steps"
          value={config.maxSteps}
          min={1}
          step={100}
          disabled={running}
          onValue={setMaxSteps}
        />
        <NumberField
          label="Seed"
          value={config.seed}
          step={1}
          disabled={running}
          onValue={(seed) => editDesign((d) => ({ ...d, config: { ...d.config, seed } }))}
        />
      </div>
    </fieldset>
  );
}
