import { useEffect, useMemo } from 'react';
import type { CsvSummary } from '../src/data/csv/csvSummary';
import type { DataSpec, Problem } from '../src/spec/types';
import { usesLoadedCsv } from './store/dataSlice';
import { validateData } from '../src/design/validate';
import { validateDesign } from '../src/design/validateDesign';
import { BaselineSummary } from './components/BaselineSummary';
import { ConfusionMatrix } from './components/ConfusionMatrix';
import { DataPanel } from './components/data/DataPanel';
import { DecisionMaps } from './components/DecisionMaps';
import { DesignToolbar } from './components/DesignToolbar';
import { ErrorBanner } from './components/ErrorBanner';
import { ExperimentPanel } from './components/experiment/ExperimentPanel';
import { WhyPanel } from './components/why/WhyPanel';
import { Header } from './components/Header';
import { InterferencePanel } from './components/InterferencePanel';
import { LambdaChart } from './components/LambdaChart';
import { LandscapeView } from './components/landscape/LandscapeView';
import { LossChart } from './components/LossChart';
import { ModelDiagram } from './components/ModelDiagram';
import { RunBar } from './components/RunBar';
import { RunHistory } from './components/RunHistory';
import { TakeAway } from './components/TakeAway';
import { TaskList } from './components/TaskList';
import { TaskReadouts } from './components/TaskReadouts';
import { BlockTrainingPanel } from './components/BlockTrainingPanel';
import { TrainingSettings } from './components/TrainingSettings';
import { WeightingPanel } from './components/WeightingPanel';
import { appStore, useApp, type AppState } from './store';

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo design edits, except while typing in a field. */
function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      if (
        target?.tagName === 'INPUT' &&
        (target as HTMLInputElement).type !== 'range' &&
        (target as HTMLInputElement).type !== 'checkbox'
      )
        return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) appStore.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') appStore.getState().redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * What stops a CSV design that validation cannot see: the file lives on the person's disk, not in
 * the design, and rows are only checked (missing values, classes per split) when the worker builds them.
 */
function csvProblems(
  data: DataSpec,
  loaded: CsvSummary | null,
  buildProblem: string | null,
): Problem[] {
  if (data.kind !== 'csv' || !data.csv) return [];
  if (!usesLoadedCsv(data, loaded))
    return [
      {
        where: 'data.csv',
        message: `Upload ${data.csv.file} again (Upload CSV): files are not kept after a reload`,
      },
    ];
  // Problems of the settings themselves are validation's to report; these are the rows'.
  if (!buildProblem || validateData(data).length > 0) return [];
  return [{ where: 'data.csv', message: `${data.csv.file}: ${buildProblem}` }];
}

const selectApp = (s: AppState) => ({
  spec: s.spec,
  config: s.config,
  data: s.data,
  csvLoaded: s.csvUpload.summary,
  dataProblem: s.dataPreview.loading ? null : s.dataPreview.message,
  baselining: s.run.baselineProgress !== null,
});

/** The playground: design on the left, the run and its curves on the right. */
export function App() {
  const { spec, config, data, csvLoaded, dataProblem, baselining } = useApp(selectApp);
  const problems = useMemo(
    () => [...csvProblems(data, csvLoaded, dataProblem), ...validateDesign({ spec, config, data })],
    [spec, config, data, csvLoaded, dataProblem],
  );
  const blockedBy = problems.length
    ? `Fix the design first: ${problems[0]!.message}`
    : baselining
      ? 'Baselines are training: wait for them, or Reset'
      : null;
  useUndoShortcuts();

  return (
    <div className="app">
      <Header />
      <main className="layout">
        <aside className="design" aria-label="Design">
          <DesignToolbar />
          <DataPanel />
          <ModelDiagram problems={problems} />
          <TaskList problems={problems} />
          <WeightingPanel />
          <TrainingSettings />
          <BlockTrainingPanel />
          <TakeAway />
        </aside>
        <section className="results" aria-label="Run">
          <RunBar blockedBy={blockedBy} />
          <ErrorBanner problems={problems} />
          <TaskReadouts />
          <BaselineSummary />
          <ConfusionMatrix />
          <DecisionMaps />
          <LossChart />
          <div className="chart-row">
            <LambdaChart />
            <InterferencePanel />
          </div>
          <WhyPanel />
          <ExperimentPanel />
          <RunHistory />
          <LandscapeView />
        </section>
      </main>
    </div>
  );
}
