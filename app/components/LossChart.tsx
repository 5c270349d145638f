import { useMemo } from 'react';
import { decimate } from '../charts/decimate';
import { taskColor } from '../format';
import { useApp } from '../store';
import { SeriesChart, type ChartLine } from './SeriesChart';

/** Points per series: about what 700 pixels of chart can show. */
export const MAX_POINTS = 600;

/** Live per-task training (solid) and validation (dashed) loss, one colour per task. */
export function LossChart() {
  const tasks = useApp((s) => s.run.tasks);
  const trainLoss = useApp((s) => s.run.trainLoss);
  const valLoss = useApp((s) => s.run.valLoss);
  // Train then validation line of each task, in task order (the legend reads the same way).
  const lines = useMemo(
    () =>
      tasks.flatMap((name, task): ChartLine[] => [
        {
          key: `${name} train`,
          color: taskColor(task),
          points: decimate(trainLoss.steps, trainLoss.values[task] ?? [], MAX_POINTS),
        },
        {
          key: `${name} val`,
          color: taskColor(task),
          dashed: true,
          points: decimate(valLoss.steps, valLoss.values[task] ?? [], MAX_POINTS),
        },
      ]),
    [tasks, trainLoss, valLoss],
  );
  return (
    <SeriesChart
      title="Loss per task"
      testId="chart-loss"
      lines={lines}
      logScale
      placeholder="Press Train or Step: each task's training loss (solid) and validation loss (dashed) appear here."
    />
  );
}
