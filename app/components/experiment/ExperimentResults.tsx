import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import { summarizeExperiment } from '../../../src/train/experiment/summary';
import { summaryCsv, summaryMarkdown } from '../../../src/train/experiment/table';
import { downloadFile } from '../../io/download';
import { useApp, type AppState } from '../../store';
import type { ExperimentProgress } from '../../store/state';
import { experimentChartData } from './chartData';
import { experimentJson } from './experimentJson';
import { ExperimentTable } from './ExperimentTable';

/** recharts is heavy and these charts change once per finished run: loaded when first shown. */
const ExperimentCharts = lazy(() => import('../../charts/ExperimentCharts'));

const selectSavedRuns = (s: AppState) => ({ savedRuns: s.savedRuns });

/** What finished so far: the table, its files, and the charts of curves and trade-offs. */
export function ExperimentResults({ experiment: current }: { experiment: ExperimentProgress }) {
  // The table and charts change once per finished run, right when the next run starts: drawn in
  // an interruptible render after it, they never hold up the page.
  const experiment = useDeferredValue(current);
  const { spec, results, baselines } = experiment;
  const savedRuns = useDeferredValue(useApp(selectSavedRuns).savedRuns);
  const summary = useMemo(
    () => summarizeExperiment(spec.design.spec.tasks, spec.methods, results, baselines),
    [spec, results, baselines],
  );
  // The saved runs change as the run in training is saved; the charts only read finished ones,
  // so they are redrawn only when one more of those is there.
  const finished = savedRuns.filter((r) => results.some((c) => c.runId === r.id));
  const finishedKey = finished.map((r) => r.id).join();
  const [kept, setKept] = useState({ key: finishedKey, runs: finished });
  if (kept.key !== finishedKey) setKept({ key: finishedKey, runs: finished });
  const charts = useMemo(
    () => experimentChartData(spec, results, kept.runs, summary),
    [spec, results, kept, summary],
  );
  const running = experiment.status === 'training' || experiment.status === 'baselines';
  const [chartsOpen, setChartsOpen] = useState<boolean | null>(null);
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
      <ExperimentTable summary={summary} />
      <div className="row wrap">
        {downloads.map((d) => (
          <button
            key={d.label}
            type="button"
            disabled={results.length === 0}
            onClick={() =>
              downloadFile(
                `experiment-${spec.id}${d.suffix}`,
                new Blob([d.text()], { type: d.type }),
              )
            }
          >
            {d.label}
          </button>
        ))}
      </div>
      {results.length > 0 && (
        // Drawn when the experiment has stopped, or while it runs if the person opens them: the
        // charts cost more to draw than anything else the experiment shows.
        <details
          className="experiment-charts-toggle"
          open={chartsOpen ?? !running}
          onToggle={(e) => setChartsOpen(e.currentTarget.open)}
        >
          <summary>Curves and trade-offs</summary>
          {(chartsOpen ?? !running) && (
            <Suspense fallback={<p className="muted">Loading the charts…</p>}>
              <ExperimentCharts {...charts} />
            </Suspense>
          )}
        </details>
      )}
    </>
  );
}
