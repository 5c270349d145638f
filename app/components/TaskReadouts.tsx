import { METRIC_LABELS, formatNumber, taskColor } from '../format';
import { useApp, type AppState } from '../store';
import type { Column } from '../store/column';

const selectTaskReadouts = (s: AppState) => ({
  run: s.run,
  spec: s.spec,
  lambdas: s.config.lambdas,
  showConfusion: s.showConfusion,
  confusionTask: s.confusionTask,
});

/** Latest numbers per task: effective λ, training and validation loss, validation metric. */
export function TaskReadouts() {
  const { run, spec, lambdas, showConfusion, confusionTask } = useApp(selectTaskReadouts);
  // Before a run, show the design's tasks and the λ the run will start with.
  const names = run.tasks.length ? run.tasks : spec.tasks.map((t) => t.name);
  const last = (values: Column[], i: number) => values[i]?.at(-1);

  return (
    <table className="readouts">
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">λ now</th>
          <th scope="col">Train loss</th>
          <th scope="col">
            Val loss{' '}
            <span className="muted">
              at step <span data-testid="val-step">{run.valLoss.steps.at(-1) ?? '—'}</span>
            </span>
          </th>
          <th scope="col">Val metric</th>
          {run.baselines && <th scope="col">Alone</th>}
        </tr>
      </thead>
      <tbody>
        {names.map((name, i) => {
          const metric = spec.tasks.find((t) => t.name === name)?.metric;
          const classifies = metric === 'accuracy';
          return (
            <tr key={name}>
              <th scope="row">
                <span className="swatch" style={{ background: taskColor(i) }} />
                {name}
              </th>
              <td data-testid={`lambda-${name}`}>
                {formatNumber(run.lambdas[i] ?? lambdas[name])}
              </td>
              <td data-testid={`loss-${name}`}>{formatNumber(last(run.trainLoss.values, i))}</td>
              <td data-testid={`val-loss-${name}`}>{formatNumber(last(run.valLoss.values, i))}</td>
              <td>
                <span data-testid={`metric-${name}`}>
                  {formatNumber(last(run.valMetric.values, i))}
                </span>
                {metric && <span className="muted"> {METRIC_LABELS[metric]}</span>}
                {classifies && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`Confusion matrix of ${name}`}
                    aria-pressed={confusionTask === i}
                    disabled={run.runId === null}
                    title={run.runId === null ? 'Train or Step first' : undefined}
                    onClick={() => showConfusion(confusionTask === i ? null : i)}
                  >
                    matrix
                  </button>
                )}
              </td>
              {run.baselines && (
                <td data-testid={`baseline-${name}`}>
                  {formatNumber(run.baselines.results.find((b) => b.task === name)?.metric)}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
