import { useState } from 'react';
import { finalMetric } from '../history/compareModel';
import type { SavedRun } from '../history/runStore';
import { formatNumber, METRIC_LABELS } from '../format';
import { useApp, type AppState } from '../store';
import { isTraining } from '../store/selectors';
import { CompareRuns } from './compare/CompareRuns';

const when = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** Each task's latest validation metric, e.g. "circle 0.95 accuracy · wave 0.12 MAE". */
function finalMetrics(run: SavedRun): string {
  if (run.curves.valMetric.steps.length === 0) return '—';
  return run.design.spec.tasks
    .map((t) => `${t.name} ${formatNumber(finalMetric(run, t.name))} ${METRIC_LABELS[t.metric]}`)
    .join(' · ');
}

const selectRunRow = (s: AppState) => ({
  openRun: s.openRun,
  renameRun: s.renameRun,
  deleteRun: s.deleteRun,
  running: isTraining(s),
  toggleCompare: s.toggleCompare,
  compareIds: s.compareIds,
});

function RunRow({ run, current }: { run: SavedRun; current: boolean }) {
  const { openRun, renameRun, deleteRun, running, toggleCompare, compareIds } =
    useApp(selectRunRow);
  const [editing, setEditing] = useState<string | null>(null);
  const compared = compareIds.includes(run.id);
  return (
    <tr className={current ? 'current' : undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={`Compare ${run.name}`}
          checked={compared}
          onChange={() => toggleCompare(run.id)}
        />
      </td>
      <th scope="row">
        {editing === null ? (
          <>
            {run.name}
            {current && <span className="muted"> (current)</span>}
          </>
        ) : (
          <form
            className="rename"
            onSubmit={(e) => {
              e.preventDefault();
              if (editing.trim()) void renameRun(run.id, editing.trim());
              setEditing(null);
            }}
          >
            <input
              aria-label="New name"
              value={editing}
              autoFocus
              onChange={(e) => setEditing(e.target.value)}
            />
            <button type="submit">Save</button>
          </form>
        )}
        <div className="muted">{finalMetrics(run)}</div>
      </th>
      <td>
        {run.step}
        {run.checkpointStep === null ? (
          <div className="muted" title="No weights were kept: it can be viewed, not resumed">
            curves only
          </div>
        ) : run.checkpointStep < run.step ? (
          <div className="muted">weights at {run.checkpointStep}</div>
        ) : null}
      </td>
      <td className="muted">{when(run.updatedAt)}</td>
      <td className="actions">
        <button
          type="button"
          aria-label={`Open ${run.name}`}
          disabled={running}
          onClick={() => void openRun(run.id)}
        >
          Open
        </button>
        <button
          type="button"
          aria-label={`Rename ${run.name}`}
          onClick={() => setEditing(run.name)}
        >
          Rename
        </button>
        <button
          type="button"
          aria-label={`Delete ${run.name}`}
          disabled={current && running}
          onClick={() => {
            if (window.confirm(`Delete the run "${run.name}" and its weights?`))
              void deleteRun(run.id);
          }}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}

const selectRunHistory = (s: AppState) => ({
  runs: s.savedRuns,
  currentId: s.run.runId,
  error: s.historyError,
});

/** Every run kept in this browser: open one to see its curves and train on from its weights. */
export function RunHistory() {
  const { runs, currentId, error } = useApp(selectRunHistory);
  return (
    <section className="panel run-history" aria-label="Saved runs">
      <h2>
        Saved runs{' '}
        <span className="muted">kept in this browser; weights every 30 s and at each pause</span>
      </h2>
      {error && (
        <p className="warning" role="status">
          {error}
        </p>
      )}
      {runs.length === 0 ? (
        <p className="muted">Runs appear here as soon as they train.</p>
      ) : (
        <table className="preview-table runs-table">
          <thead>
            <tr>
              <th scope="col" title="Pick runs to compare">
                ⇄
              </th>
              <th scope="col">Run</th>
              <th scope="col">Steps</th>
              <th scope="col">Saved</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <RunRow key={run.id} run={run} current={run.id === currentId} />
            ))}
          </tbody>
        </table>
      )}
      <CompareRuns />
    </section>
  );
}
