import { useState, type ReactNode } from 'react';
import type { ExperimentSummary, MethodRow } from '../../../src/train/experiment/summary';
import { meanStd } from '../../../src/train/experiment/table';
import { metricSign } from '../../../src/train/multiTaskGain';
import { METRIC_LABELS } from '../../format';
import { BestCell } from '../BestCell';
import { ScrollingTable } from '../ScrollingTable';

/** A column the table can be sorted by: its value in a row and which way is better. */
interface SortKey {
  id: string;
  label: ReactNode;
  value(row: MethodRow): number | null;
  sign: 1 | -1;
}

function sortKeys(summary: ExperimentSummary): SortKey[] {
  return [
    ...summary.tasks.map((t, i) => ({
      id: `metric-${i}`,
      label: (
        <>
          {t.name} <span className="muted">{METRIC_LABELS[t.metric]}</span>
        </>
      ),
      value: (r: MethodRow) => r.metric[i]?.mean ?? null,
      sign: metricSign(t.metric),
    })),
    { id: 'deltaM', label: 'Δm %', value: (r) => r.deltaM?.mean ?? null, sign: 1 },
    { id: 'rank', label: 'Mean rank', value: (r) => r.rank, sign: -1 },
  ];
}

/** One row per method: each task's metric and Δm % as mean ± std, the mean rank; best starred. */
export function ExperimentTable({ summary }: { summary: ExperimentSummary }) {
  const [sortBy, setSortBy] = useState<string | null>(null);
  const keys = sortKeys(summary);
  const key = keys.find((k) => k.id === sortBy);
  // Best first; a method without the value goes last.
  const ordered = (r: MethodRow) => (key ? (key.value(r) ?? -key.sign * Infinity) : 0);
  const rows = key
    ? [...summary.rows].sort((a, b) => key.sign * (ordered(b) - ordered(a)))
    : summary.rows;
  const { best } = summary;
  return (
    <ScrollingTable label="Results by method">
      <table className="preview-table" data-testid="experiment-table">
        <thead>
          <tr>
            <th scope="col">Method</th>
            {keys.map((k) => (
              <th key={k.id} scope="col" aria-sort={sortBy === k.id ? 'descending' : 'none'}>
                <button
                  type="button"
                  className="link"
                  onClick={() => setSortBy(sortBy === k.id ? null : k.id)}
                >
                  {k.label}
                </button>
              </th>
            ))}
            <th scope="col">Runs</th>
            <th scope="col">s / run</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.method}>
              <th scope="row">{r.label}</th>
              {summary.tasks.map((t, i) => (
                <BestCell
                  among="methods"
                  key={t.name}
                  value={meanStd(r.metric[i]!)}
                  best={best.metric[i] === r.method}
                />
              ))}
              <BestCell among="methods" value={meanStd(r.deltaM)} best={best.deltaM === r.method} />
              <BestCell
                among="methods"
                value={r.rank === null ? '–' : r.rank.toFixed(2)}
                best={best.rank === r.method}
              />
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
  );
}
