import { useMemo } from 'react';
import { decimate } from '../charts/decimate';
import { taskColor } from '../format';
import { useApp, type AppState } from '../store';
import { MAX_POINTS } from './LossChart';
import { SeriesChart } from './SeriesChart';

const selectLambdaChart = (s: AppState) => ({
  tasks: s.run.tasks,
  weights: s.run.weights,
});

/** The effective λᵢ each step trained with: flat for static weights, alive for adaptive strategies. */
export function LambdaChart() {
  const { tasks, weights } = useApp(selectLambdaChart);
  const lines = useMemo(
    () =>
      tasks.map((name, i) => ({
        key: `λ ${name}`,
        color: taskColor(i),
        points: decimate(weights.steps, weights.values[i] ?? [], MAX_POINTS),
      })),
    [tasks, weights],
  );
  return (
    <SeriesChart
      title="λ per task"
      testId="chart-lambda"
      lines={lines}
      height={240}
      placeholder="The weight each task trains with, step by step."
    />
  );
}
