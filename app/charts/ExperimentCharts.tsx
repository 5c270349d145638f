import { memo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import type { MetricKind } from '../../src/spec/types';
import { formatNumber, METRIC_LABELS } from '../format';
import { CLASS_COLORS } from './labelColors';
import type { MethodCurves, ParallelView, ParetoRun } from './experimentChartTypes';

/** A method's colour: the class palette, in the table's order. */
export const methodColor = (method: number): string => CLASS_COLORS[method % CLASS_COLORS.length]!;

/** Each task's validation metric per method: the mean over seeds, a band of ± one std. */
function TaskBands({
  task,
  metric,
  methods,
  index,
}: {
  task: string;
  metric: MetricKind;
  methods: MethodCurves[];
  index: number;
}) {
  return (
    <figure
      className="experiment-chart"
      aria-label={`${task}: validation ${METRIC_LABELS[metric]} per method`}
    >
      <figcaption>
        {task} · validation {METRIC_LABELS[metric]}, mean ± std over seeds
      </figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <ComposedChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e5e7eb" />
          <XAxis
            dataKey="step"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
          />
          <YAxis
            tickFormatter={(v: number) => formatNumber(v)}
            width={64}
            domain={['auto', 'auto']}
          />
          <Tooltip
            formatter={(v) =>
              Array.isArray(v)
                ? v.map((x) => formatNumber(Number(x))).join(' – ')
                : formatNumber(Number(v))
            }
            isAnimationActive={false}
          />
          <Legend />
          {methods.map((m) => (
            <Area
              key={`${m.method}-band`}
              data={m.tasks[index]!.map((p) => ({ step: p.step, band: [p.low, p.high] }))}
              dataKey="band"
              name={`${m.label} ± std`}
              legendType="none"
              stroke="none"
              fill={methodColor(m.method)}
              fillOpacity={0.15}
              isAnimationActive={false}
            />
          ))}
          {methods.map((m) => (
            <Line
              key={`${m.method}-mean`}
              data={m.tasks[index]!}
              dataKey="mean"
              name={m.label}
              stroke={methodColor(m.method)}
              dot={false}
              strokeWidth={1.8}
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}

/**
 * Two tasks' final metrics, one small point per run and a large one per method's mean; the dashed
 * line joins the runs no other run beats on both tasks (the Pareto front).
 */
function ParetoScatter({
  tasks,
  methods,
  runs,
  means,
  front,
}: {
  tasks: { name: string; metric: MetricKind }[];
  methods: { label: string; method: number }[];
  runs: ParetoRun[];
  means: ParetoRun[];
  front: ParetoRun[];
}) {
  const [a, b] = tasks;
  return (
    <figure className="experiment-chart" aria-label="Pareto view of the two tasks">
      <figcaption>
        {`Pareto view: ${a!.name} ${METRIC_LABELS[a!.metric]} against ${b!.name} ${METRIC_LABELS[b!.metric]}`}{' '}
        (small: runs; large: method means; dashed: the runs no other run beats on both)
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid stroke="#e5e7eb" />
          <XAxis
            dataKey="x"
            type="number"
            name={a!.name}
            domain={['auto', 'auto']}
            tickFormatter={(v: number) => formatNumber(v)}
          />
          <YAxis
            dataKey="y"
            type="number"
            name={b!.name}
            domain={['auto', 'auto']}
            tickFormatter={(v: number) => formatNumber(v)}
            width={64}
          />
          <ZAxis range={[30, 30]} />
          <Tooltip formatter={(v) => formatNumber(Number(v))} isAnimationActive={false} />
          <Legend />
          {methods.map((m) => (
            <Scatter
              key={`${m.method}-runs`}
              name={m.label}
              data={runs.filter((r) => r.method === m.method)}
              fill={methodColor(m.method)}
              fillOpacity={0.5}
              isAnimationActive={false}
            />
          ))}
          {methods.map((m) => (
            <Scatter
              key={`${m.method}-mean`}
              name={`${m.label} mean`}
              legendType="none"
              data={means.filter((r) => r.method === m.method)}
              fill={methodColor(m.method)}
              shape="diamond"
              isAnimationActive={false}
            />
          ))}
          <Scatter
            name="Pareto front"
            data={front}
            line={{ stroke: '#475569', strokeDasharray: '4 3' }}
            fill="none"
            isAnimationActive={false}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Three tasks or more: every run and every method's mean as a line across one axis per task. */
function ParallelCoordinates({
  view,
  methods,
}: {
  view: ParallelView;
  methods: { label: string; method: number }[];
}) {
  const label = (m: number) => methods.find((x) => x.method === m)?.label ?? `method ${m + 1}`;
  const rows = view.axes.map((axis, i) => ({
    axis: `${axis.name} (${METRIC_LABELS[axis.metric]})`,
    ...Object.fromEntries(
      view.lines.flatMap((l, k) => [
        [`l${k}`, l.scaled[i]],
        [`r${k}`, l.raw[i]],
      ]),
    ),
  }));
  return (
    <figure className="experiment-chart" aria-label="Parallel coordinates of the tasks">
      <figcaption>
        Parallel coordinates: each task’s final metric, thin lines runs, bold lines method means;
        every axis runs from the worst run (bottom) to the best (top).
      </figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e5e7eb" horizontal={false} />
          <XAxis dataKey="axis" type="category" interval={0} />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 1]}
            tickFormatter={(v: number) => (v ? 'best' : 'worst')}
            width={48}
          />
          <Tooltip
            formatter={(_v, _name, item) => {
              const raw = (item.payload as Record<string, number>)[
                `r${String(item.dataKey).slice(1)}`
              ];
              return formatNumber(Number(raw));
            }}
            isAnimationActive={false}
          />
          <Legend />
          {view.lines.map((l, k) => (
            <Line
              key={k}
              dataKey={`l${k}`}
              name={l.mean ? label(l.method) : `${label(l.method)} run`}
              stroke={methodColor(l.method)}
              strokeWidth={l.mean ? 3 : 1}
              strokeOpacity={l.mean ? 1 : 0.45}
              dot={l.mean ? { r: 3 } : false}
              legendType={l.mean ? 'line' : 'none'}
              tooltipType={l.mean ? undefined : 'none'}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <p className="muted">
        {view.axes
          .map((a) => `${a.name}: ${formatNumber(a.worst)} → ${formatNumber(a.best)}`)
          .join(' · ')}
      </p>
    </figure>
  );
}

/**
 * The experiment's charts: the band curves of every task and the trade-off between tasks (a
 * Pareto scatter for two, parallel coordinates for more).
 */
export default memo(function ExperimentCharts(props: {
  tasks: { name: string; metric: MetricKind }[];
  curves: MethodCurves[];
  pareto: { runs: ParetoRun[]; means: ParetoRun[]; front: ParetoRun[] } | null;
  parallel: ParallelView | null;
}) {
  return (
    <div className="experiment-charts">
      {props.parallel && <ParallelCoordinates view={props.parallel} methods={props.curves} />}
      {props.pareto && (
        <ParetoScatter
          tasks={props.tasks}
          methods={props.curves}
          runs={props.pareto.runs}
          means={props.pareto.means}
          front={props.pareto.front}
        />
      )}
      {props.tasks.map((t, i) => (
        <TaskBands key={t.name} task={t.name} metric={t.metric} methods={props.curves} index={i} />
      ))}
    </div>
  );
});
