import { gainOverBaselines } from '../../src/train/multiTaskGain';
import { formatNumber } from '../format';
import { useApp, type AppState } from '../store';

const selectBaselineSummary = (s: AppState) => ({
  run: s.run,
  spec: s.spec,
  runBaselines: s.runBaselines,
});

/**
 * Δm% of the run against each task trained alone (same encoder, data, seed and steps), and the
 * button that trains those baselines.
 */
export function BaselineSummary() {
  const { run, spec, runBaselines } = useApp(selectBaselineSummary);
  const progress = run.baselineProgress;
  const gain = run.baselines
    ? gainOverBaselines(run.tasks, run.valMetric, spec.tasks, run.baselines.results)
    : null;
  const canRun = run.runId !== null && run.state !== 'running' && run.step > 0 && !progress;

  return (
    <div className="baselines">
      <button
        type="button"
        disabled={!canRun}
        title={
          canRun
            ? `Train each task alone for ${run.step} steps with the same encoder, data and seed`
            : 'Train (then pause) a run first'
        }
        onClick={runBaselines}
      >
        Run baselines
      </button>
      {progress && (
        <span className="muted" data-testid="baseline-progress">
          training task {progress.task + 1} of {run.tasks.length} alone: step {progress.step} of{' '}
          {progress.steps}
        </span>
      )}
      {run.baselines && (
        <span>
          Δm ={' '}
          <strong data-testid="delta-m">
            {gain === null ? '—' : `${gain >= 0 ? '+' : ''}${formatNumber(gain)} %`}
          </strong>{' '}
          <span className="muted">
            vs each task alone for {run.baselines.steps} steps (
            {gain !== null && gain >= 0 ? 'sharing helped' : 'sharing hurt'})
          </span>
        </span>
      )}
    </div>
  );
}
