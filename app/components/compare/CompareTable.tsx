import { STRATEGY_INFO } from '../../../src/spec/weighting';
import { formatNumber, METRIC_LABELS } from '../../format';
import { metricSign } from '../../../src/train/multiTaskGain';
import { bestRuns, finalMetric, runDeltaM, type CompareTask } from '../../history/compareModel';
import type { SavedRun } from '../../history/runStore';
import { BestCell } from '../BestCell';
import { ScrollingTable } from '../ScrollingTable';

/** Settings and final metrics of the compared runs side by side, the best per metric marked. */
export function CompareTable({ runs, tasks }: { runs: SavedRun[]; tasks: CompareTask[] }) {
  const bestPerTask = tasks.map((t) =>
    bestRuns(runs, (r) => finalMetric(r, t.name), metricSign(t.metric) > 0),
  );
  const bestGain = bestRuns(runs, runDeltaM, true);
  return (
    <ScrollingTable label="Compared runs, side by side">
      <table className="preview-table compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Weighting</th>
            <th scope="col">Optimizer</th>
            <th scope="col">LR</th>
            <th scope="col">Batch</th>
            <th scope="col">Steps</th>
            {tasks.map((t) => (
              <th key={t.name} scope="col">
                {t.name} <span className="muted">{METRIC_LABELS[t.metric]}</span>
              </th>
            ))}
            <th scope="col">Δm %</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const { config } = run.design;
            const gain = runDeltaM(run);
            return (
              <tr key={run.id}>
                <th scope="row">{run.name}</th>
                <td>{STRATEGY_INFO[config.weighting.strategy].label}</td>
                <td>{config.optimizer}</td>
                <td>{config.learningRate}</td>
                <td>{config.batchSize}</td>
                <td>{run.step}</td>
                {tasks.map((t, i) => (
                  <BestCell
                    among="compared runs"
                    key={t.name}
                    value={formatNumber(finalMetric(run, t.name))}
                    best={bestPerTask[i]!.has(run.id)}
                  />
                ))}
                <BestCell
                  among="compared runs"
                  value={gain === null ? '—' : `${gain >= 0 ? '+' : ''}${formatNumber(gain)}`}
                  best={bestGain.has(run.id)}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
