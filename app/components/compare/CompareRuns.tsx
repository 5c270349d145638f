import { useMemo, useState } from 'react';
import { taskColor } from '../../format';
import {
  compareLine,
  compareTasks,
  type CompareSplit,
  type CompareX,
} from '../../history/compareModel';
import { useApp, type AppState } from '../../store';
import { SeriesChart, type ChartLine } from '../SeriesChart';
import { InlineSelect } from '../InlineSelect';
import { SmoothingSlider } from '../SmoothingSlider';
import { CompareTable } from './CompareTable';

const selectCompareRuns = (s: AppState) => ({
  saved: s.savedRuns,
  ids: s.compareIds,
});

/**
 * The runs picked in Saved runs, overlaid: one task's loss per run (legend by run), smoothed,
 * against steps or training time; and their settings and final metrics side by side.
 */
export function CompareRuns() {
  const { saved, ids } = useApp(selectCompareRuns);
  const runs = useMemo(() => ids.flatMap((id) => saved.filter((r) => r.id === id)), [ids, saved]);
  const tasks = useMemo(() => compareTasks(runs), [runs]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [split, setSplit] = useState<CompareSplit>('val');
  const [x, setX] = useState<CompareX>('step');
  const [smoothing, setSmoothing] = useState(0.6);
  const task = tasks.find((t) => t.name === chosen)?.name ?? tasks[0]?.name ?? '';
  const lines = useMemo(
    () =>
      runs.map((run, k): ChartLine => ({
        // A run's name already numbers it (#3 …); only a repeated name needs telling apart.
        key: runs.slice(0, k).some((r) => r.name === run.name)
          ? `${run.name} (${k + 1})`
          : run.name,
        color: taskColor(k),
        points: compareLine(run, task, split, x, smoothing),
      })),
    [runs, task, split, x, smoothing],
  );
  if (runs.length === 0) return null;

  return (
    <div role="region" aria-label="Compare runs" className="compare">
      <SeriesChart
        renderer="recharts"
        title={`${task} ${split === 'val' ? 'validation' : 'training'} loss by run`}
        testId="chart-compare"
        lines={lines}
        logScale
        height={320}
        formatX={x === 'time' ? (s) => `${s.toFixed(1)} s of training` : undefined}
        wholeX={x !== 'time'}
        placeholder="The picked runs have no curve for this task yet."
      >
        <div className="compare-controls">
          <InlineSelect<string>
            label="Task"
            name="Compared task"
            value={task}
            options={tasks.map((t) => ({ value: t.name, label: t.name }))}
            onChange={setChosen}
          />
          <InlineSelect<CompareSplit>
            label="Loss"
            name="Compared loss"
            value={split}
            options={[
              { value: 'val', label: 'validation' },
              { value: 'train', label: 'training' },
            ]}
            onChange={setSplit}
          />
          <InlineSelect<CompareX>
            label="X axis"
            value={x}
            options={[
              { value: 'step', label: 'step' },
              { value: 'time', label: 'training time' },
            ]}
            onChange={setX}
          />
          <SmoothingSlider value={smoothing} onChange={setSmoothing} />
        </div>
      </SeriesChart>
      <CompareTable runs={runs} tasks={tasks} />
    </div>
  );
}
