import { lazy, Suspense, useMemo, useState } from 'react';
import { metricSign } from '../../../src/train/multiTaskGain';
import { summarizeExperiment, type MethodRow } from '../../../src/train/experiment/summary';
import { meanStd, summaryCsv, summaryMarkdown } from '../../../src/train/experiment/table';
import { METRIC_LABELS } from '../../format';
import { downloadFile } from '../../io/download';
import type { ExperimentProgress } from '../../store/state';
import { useApp, type AppState } from '../../store';
import { ScrollingTable } from '../ScrollingTable';
import { experimentChartData } from './chartData';
import { experimentJson } from './experimentJson';

/** recharts is heavy and these charts change once per finished run: loaded when first shown. */
const ExperimentCharts = lazy(() => import('../../charts/ExperimentCharts'));

const selectSavedRuns = (s: AppState) => ({ savedRuns: s.savedRuns });

/** A column the table can be sorted by: its value in a row and which way is better. */
interface SortKey {
  id: string;
  value(row: MethodRow): number | null;
  sign: 1 | -1;
}

/** The experiment's table, one row per method, best per column starred, sortable by any column. */
export function ExperimentResults({ experiment }: { experiment: ExperimentProgress }) {
  const { spec } = experiment;
  const summary = useMemo(
    () =>
      summarizeExperiment(
        spec.design.spec.tasks,
        spec.methods,
        experiment.results,
        experiment.baselines,
      ),
    [spec, experiment.results, experiment.baselines],
  );
  const { savedRuns } = useApp(selectSavedRuns);
  const charts = useMemo(
    () => experimentChartData(experiment, savedRuns, summary),
    [experiment, savedRuns, summary],
  );
  const [sortBy, setSortBy] = useState<string | null>(null);
  const keys: SortKey[] = [
    ...summary.tasks.map((t, i) => ({
      id: `metric-${i}`,
      value: (r: MethodRow) => r.metric[i]?.mean ?? null,
      sign: metricSign(t.metric),
    })),
    { id: 'deltaM', value: (r) => r.deltaM?.mean ?? null, sign: 1 },
    { id: 'rank', value: (r) => r.rank, sign: -1 },
  ];
  const key = keys.find((k) => k.id === sortBy);
  const rows = key
    ? [...summary.rows].sort(
        (a, b) =>
          key.sign *
          ((key.value(b) ?? -key.sign * Infinity) - (key.value(a) ?? -key.sign * Infinity)),
      )
    : summary.rows;
  const header = (id: string, label: React.ReactNode) => (
    <th scope="col" aria-sort={sortBy === id ? 'descending' : 'none'}>
      <button type="button" className="link" onClick={() => setSortBy(sortBy === id ? null : id)}>
        {label}
      </button>
    </th>
  );
  const cell = (text: string, best: boolean) => (
    <td className={best ? 'best' : undefined} title={best ? 'best of the methods' : undefined}>
      {text}
      {best && ' ★'}
    </td>
  );
  const base = `experiment-${spec.id}`;
  const downloads = [
    { label: 'Results CSV', suffix: '.csv', type: 'text/csv', text: () => summaryCsv(summary) },
    {
      label: 'Results Markdown',
      suffix: '.md',
      type: 'text/markdown',
      text: () => summaryMarkdown(summary),
    },
    {
      label: 'Runs JSON',
      suffix: '-runs.json',
      type: 'application/json',
      text: () => experimentJson(experiment, savedRuns),
    },
  ];
  return (
    <>
      <ScrollingTable label="Results by method">
        <table className="preview-table" data-testid="experiment-table">
          <thead>
            <tr>
              <th scope="col">Method</th>
              {summary.tasks.map((t, i) =>
                header(
                  `metric-${i}`,
                  <>
                    {t.name} <span className="muted">{METRIC_LABELS[t.metric]}</span>
                  </>,
                ),
              )}
              {header('deltaM', 'Δm %')}
              {header('rank', 'Mean rank')}
              <th scope="col">Runs</th>
              <th scope="col">s / run</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.method}>
                <th scope="row">{r.label}</th>
                {summary.tasks.map((_, i) =>
                  cell(meanStd(r.metric[i]!), summary.best.metric[i] === r.method),
                )}
                {cell(meanStd(r.deltaM), summary.best.deltaM === r.method)}
                {cell(r.rank === null ? '–' : r.rank.toFixed(2), summary.best.rank === r.method)}
                <td>
                  {r.runs}
                  {r.diverged > 0 && <span className="diverged"> ({r.diverged} diverged)</span>}
                </td>
                <td>{r.seconds ? r.seconds.mean.toFixed(1) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <div className="row wrap">
        {downloads.map((d) => (
          <button
            key={d.label}
            type="button"
            disabled={experiment.results.length === 0}
            onClick={() =>
              downloadFile(`${base}${d.suffix}`, new Blob([d.text()], { type: d.type }))
            }
          >
            {d.label}
          </button>
        ))}
      </div>
      {experiment.results.length > 0 && (
        <Suspense fallback={<p className="muted">Loading the charts…</p>}>
          <ExperimentCharts {...charts} />
        </Suspense>
      )}
    </>
  );
}
