import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { decimate, type Point } from '../charts/decimate';
import { formatNumber, taskColor } from '../format';
import { useApp } from '../store';
import type { Series } from '../store/runView';

/** Points per series: about what 700 pixels of chart can show. */
const MAX_POINTS = 600;

interface ChartLine {
  key: string;
  task: number;
  kind: 'train' | 'val';
  points: Point[];
}

/** Train then validation line of each task, in task order (the legend reads the same way). */
function linesOf(tasks: string[], train: Series, val: Series, log: boolean): ChartLine[] {
  return tasks.flatMap((name, task) =>
    (['train', 'val'] as const).map((kind) => {
      const series = kind === 'train' ? train : val;
      let points = decimate(series.steps, series.values[task] ?? [], MAX_POINTS);
      if (log) points = points.filter((p) => p.value > 0); // log axes cannot show 0
      return { key: `${name} ${kind}`, task, kind, points };
    }),
  );
}

/** Live per-task training (solid) and validation (dashed) loss, one colour per task. */
export function LossChart() {
  const tasks = useApp((s) => s.run.tasks);
  const trainLoss = useApp((s) => s.run.trainLoss);
  const valLoss = useApp((s) => s.run.valLoss);
  const [log, setLog] = useState(true);
  const lines = useMemo(
    () => linesOf(tasks, trainLoss, valLoss, log),
    [tasks, trainLoss, valLoss, log],
  );
  const empty = trainLoss.steps.length === 0;

  return (
    <section className="panel chart" aria-label="Loss chart">
      <header className="chart-head">
        <h2>Loss per task</h2>
        <label className="check">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log
          scale
        </label>
      </header>
      <div
        data-testid="chart-loss"
        className="chart-body"
        data-points={lines.map((l) => l.points.length).join(',')}
      >
        {empty ? (
          <p className="placeholder">
            Press Train or Step: each task's training loss (solid) and validation loss (dashed)
            appear here.
          </p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="#e5e7eb" />
              <XAxis
                dataKey="step"
                type="number"
                domain={['dataMin', 'dataMax']}
                allowDuplicatedCategory={false}
                tickCount={8}
              />
              <YAxis
                scale={log ? 'log' : 'linear'}
                domain={['auto', 'auto']}
                allowDataOverflow
                tickFormatter={(v: number) => formatNumber(v)}
                width={64}
              />
              <Tooltip
                formatter={(v) => formatNumber(Number(v))}
                labelFormatter={(step) => `step ${String(step)}`}
                isAnimationActive={false}
              />
              <Legend />
              {lines.map((line) => (
                <Line
                  key={line.key}
                  name={line.key}
                  data={line.points}
                  dataKey="value"
                  stroke={taskColor(line.task)}
                  strokeWidth={line.kind === 'train' ? 1.5 : 2}
                  strokeDasharray={line.kind === 'val' ? '6 4' : undefined}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </section>
  );
}
