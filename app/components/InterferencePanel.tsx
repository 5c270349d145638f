import { useMemo } from 'react';
import { formatNumber } from '../format';
import { useApp, type AppState } from '../store';
import { SeriesChart } from './SeriesChart';

/** Red for conflict (cos < 0), green for agreement. */
function cellColor(cos: number): string {
  const a = Math.min(1, Math.abs(cos));
  return cos < 0 ? `rgba(220, 38, 38, ${0.15 + 0.6 * a})` : `rgba(22, 163, 74, ${0.15 + 0.6 * a})`;
}

const selectInterferencePanel = (s: AppState) => ({
  runTasks: s.run.tasks,
  designTasks: s.spec.tasks,
  cosines: s.run.cosines,
});

/**
 * Task interference: the cosine similarity of task gradients on the shared part at every
 * validation, and the share of those measurements in conflict (cos < 0). A line for two tasks, a
 * matrix of the latest values (with conflict shares) for more.
 */
export function InterferencePanel() {
  const { runTasks, designTasks, cosines } = useApp(selectInterferencePanel);
  // Before a run, the design's tasks: the placeholder speaks of them.
  const tasks = useMemo(
    () => (runTasks.length > 0 ? runTasks : designTasks.map((t) => t.name)),
    [runTasks, designTasks],
  );
  const pairs = useMemo(
    () => tasks.flatMap((_, i) => tasks.map((_, j) => [i, j] as const).filter(([a, b]) => a < b)),
    [tasks],
  );
  const conflictShare = (i: number, j: number): number => {
    const n = cosines.values.length;
    return n ? cosines.values.filter((m) => (m[i]?.[j] ?? 0) < 0).length / n : 0;
  };

  if (tasks.length === 2) {
    const points = cosines.steps.map((step, k) => ({ step, value: cosines.values[k]![0]![1]! }));
    return (
      <SeriesChart
        title="Task interference"
        testId="chart-interference"
        lines={[{ key: `cos(${tasks[0]}, ${tasks[1]})`, color: '#7c3aed', points }]}
        domain={[-1, 1]}
        reference={0}
        height={240}
        placeholder="Cosine similarity of the two tasks' gradients on the shared part, at each validation."
      >
        {cosines.steps.length > 0 && (
          <p className="muted">
            In conflict (cos &lt; 0) at{' '}
            <strong data-testid="conflict-share">{formatNumber(100 * conflictShare(0, 1))}</strong>%
            of {cosines.steps.length} measurements.
          </p>
        )}
      </SeriesChart>
    );
  }
  const latest = cosines.values.at(-1);
  return (
    <section className="panel chart" aria-label="Task interference">
      <h2>Task interference</h2>
      {!latest || pairs.length === 0 ? (
        <p className="placeholder small" data-testid="chart-interference">
          {tasks.length < 2
            ? 'Interference needs two tasks or more.'
            : 'Cosine similarity of task gradients appears at each validation.'}
        </p>
      ) : (
        <table className="cosines" data-testid="chart-interference">
          <thead>
            <tr>
              <th />
              {tasks.map((t) => (
                <th key={t} scope="col">
                  {t}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tasks.map((row, i) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {tasks.map((col, j) => (
                  <td
                    key={col}
                    style={{ background: i === j ? undefined : cellColor(latest[i]![j]!) }}
                    title={
                      i === j
                        ? undefined
                        : `in conflict ${formatNumber(100 * conflictShare(i, j))}% of the time`
                    }
                  >
                    {i === j ? '—' : formatNumber(latest[i]![j]!)}
                    {i < j && (
                      <div className="muted small">
                        {formatNumber(100 * conflictShare(i, j))}% conflict
                      </div>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
