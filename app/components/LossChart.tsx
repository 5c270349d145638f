import { useMemo, useState } from 'react';
import { decimate } from '../charts/decimate';
import { emaSmooth } from '../charts/smooth';
import { taskColor } from '../format';
import { useApp, type AppState } from '../store';
import { SeriesChart, type ChartLine } from './SeriesChart';
import { SmoothingSlider } from './SmoothingSlider';

/** Points per series: about what 700 pixels of chart can show. */
export const MAX_POINTS = 600;

/** Per-batch losses are noisy: heavier than TensorBoard's 0.6, which suits fewer logged points. */
const DEFAULT_SMOOTHING = 0.8;

const selectLossChart = (s: AppState) => ({
  tasks: s.run.tasks,
  trainLoss: s.run.trainLoss,
  valLoss: s.run.valLoss,
});

/**
 * Live per-task training (solid) and validation (dashed) loss, one colour per task. Training
 * losses are per mini-batch and noisy: they are drawn smoothed (an exponential moving average,
 * as TensorBoard does), with the raw values faint behind.
 */
export function LossChart() {
  const { tasks, trainLoss, valLoss } = useApp(selectLossChart);
  const [smoothing, setSmoothing] = useState(DEFAULT_SMOOTHING);
  // Train then validation line of each task, in task order (the legend reads the same way).
  const lines = useMemo(
    () =>
      tasks.flatMap((name, task): ChartLine[] => {
        const raw = trainLoss.values[task] ?? [];
        const train: ChartLine = {
          key: `${name} train`,
          color: taskColor(task),
          points: decimate(trainLoss.steps, emaSmooth(raw, smoothing), MAX_POINTS),
        };
        const val: ChartLine = {
          key: `${name} val`,
          color: taskColor(task),
          dashed: true,
          points: decimate(valLoss.steps, valLoss.values[task] ?? [], MAX_POINTS),
        };
        if (smoothing === 0) return [train, val];
        const faint: ChartLine = {
          key: `${name} train, raw`,
          color: taskColor(task),
          faint: true,
          points: decimate(trainLoss.steps, raw, MAX_POINTS),
        };
        return [faint, train, val];
      }),
    [tasks, trainLoss, valLoss, smoothing],
  );
  return (
    <SeriesChart
      title="Loss per task"
      testId="chart-loss"
      lines={lines}
      logScale
      placeholder="Press Train or Step: each task's training loss (solid) and validation loss (dashed) appear here."
      controls={<SmoothingSlider value={smoothing} onChange={setSmoothing} />}
    />
  );
}
