import { useMemo } from 'react';
import { validateDesign } from '../src/spec/validateDesign';
import { EncoderEditor } from './components/EncoderEditor';
import { ErrorBanner } from './components/ErrorBanner';
import { Header } from './components/Header';
import { LossChart } from './components/LossChart';
import { RunBar } from './components/RunBar';
import { TaskList } from './components/TaskList';
import { TaskReadouts } from './components/TaskReadouts';
import { TrainingSettings } from './components/TrainingSettings';
import { useApp } from './store';

/** The playground: design on the left, the run and its curves on the right. */
export function App() {
  const spec = useApp((s) => s.spec);
  const config = useApp((s) => s.config);
  const data = useApp((s) => s.data);
  const problems = useMemo(() => validateDesign({ spec, config, data }), [spec, config, data]);
  const blockedBy = problems.length ? `Fix the design first: ${problems[0]!.message}` : null;

  return (
    <div className="app">
      <Header />
      <main className="layout">
        <aside className="design" aria-label="Design">
          <EncoderEditor />
          <TaskList />
          <TrainingSettings />
        </aside>
        <section className="results" aria-label="Run">
          <RunBar blockedBy={blockedBy} />
          <ErrorBanner problems={problems} />
          <TaskReadouts />
          <LossChart />
        </section>
      </main>
    </div>
  );
}
