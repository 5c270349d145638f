import type { AttributionInsight } from '../../../src/train/insights/views';
import { CLASS_COLORS } from '../../charts/labelColors';
import { formatNumber } from '../../format';
import { useMemo } from 'react';
import { Heatmap } from './Heatmap';
import { heatImage } from './heatImage';
import { WhyFigure } from './WhyFigure';

/** Features the heatmap shows at most (the largest total attribution first). */
const MOST_FEATURES = 24;
/** Bars per task. */
const MOST_BARS = 10;

function Bars({
  task,
  color,
  features,
  values,
}: {
  task: string;
  color: string;
  features: string[];
  values: number[];
}) {
  const order = values
    .map((v, i) => [v, i] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, MOST_BARS);
  const top = Math.max(1e-12, order[0]?.[0] ?? 0);
  const row = 18;
  const width = 300;
  return (
    <WhyFigure
      label={`${task}: mean |gradient × input| per input`}
      width={width}
      height={order.length * row + 24}
    >
      <text x={0} y={12} fontSize={12} fontWeight={600} fill="#0f172a">
        {task}
      </text>
      {order.map(([v, i], k) => (
        <g key={i} transform={`translate(0, ${20 + k * row})`}>
          <text x={86} y={12} textAnchor="end" fontSize={11} fill="#334155">
            {features[i]}
          </text>
          <rect x={92} y={3} width={(v / top) * 150} height={row - 6} fill={color}>
            <title>{`${task} · ${features[i]}: ${formatNumber(v)}`}</title>
          </rect>
          <text x={96 + (v / top) * 150} y={12} fontSize={10} fill="#334155">
            {formatNumber(v)}
          </text>
        </g>
      ))}
    </WhyFigure>
  );
}

const PLANE = 150;

/** 2-D inputs: where on the plane each task's output leans on its inputs, beside the decision maps. */
function PlaneMaps({
  plane,
  tasks,
}: {
  plane: NonNullable<AttributionInsight['plane']>;
  tasks: string[];
}) {
  const { resolution, maps } = plane;
  const urls = useMemo(
    () => maps.map((m) => heatImage(m, resolution, resolution, 'heat')),
    [maps, resolution],
  );
  return (
    <WhyFigure
      label="Attribution over the plane per task"
      width={Math.max(tasks.length * (PLANE + 12), 330)}
      height={PLANE + 40}
    >
      <text x={0} y={12} fontSize={12} fontWeight={600} fill="#0f172a">
        Over the plane (x₁ →, x₂ ↑), each map to its own largest
      </text>
      {urls.map((href, t) => (
        <g key={tasks[t]} transform={`translate(${t * (PLANE + 12)}, 20)`}>
          <image href={href} width={PLANE} height={PLANE} preserveAspectRatio="none">
            <title>{`${tasks[t]}: largest ${formatNumber(Math.max(...maps[t]!))}`}</title>
          </image>
          <text x={PLANE / 2} y={PLANE + 14} textAnchor="middle" fontSize={11} fill="#334155">
            {tasks[t]}
          </text>
        </g>
      ))}
    </WhyFigure>
  );
}

/** Which inputs each task relies on, and which ones tasks share. */
export function AttributionView({
  view,
  tasks,
  step,
}: {
  view: AttributionInsight;
  tasks: string[];
  step: number;
}) {
  const totals = view.features.map((_, f) => view.values.reduce((s, row) => s + row[f]!, 0));
  const shown = totals
    .map((t, f) => [t, f] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, MOST_FEATURES)
    .map(([, f]) => f);
  return (
    <>
      <p className="muted">
        Step {step}: mean |gradient × input| over validation examples, per input (a one-hot column’s
        categories summed).{' '}
        {shown.length < view.features.length &&
          `The ${shown.length} inputs with the most attribution of ${view.features.length}.`}{' '}
        An input bright for every task is shared; bright for one, that task’s own.
      </p>
      <Heatmap
        label="Feature attribution: task × input"
        rows={tasks}
        columns={shown.map((f) => view.features[f]!)}
        values={view.values.map((row) => shown.map((f) => row[f]!))}
        cell={shown.length > 12 ? 22 : 34}
      />
      {view.plane && <PlaneMaps plane={view.plane} tasks={tasks} />}
      <div className="why-row">
        {tasks.map((task, t) => (
          <Bars
            key={task}
            task={task}
            color={CLASS_COLORS[t % CLASS_COLORS.length]!}
            features={view.features}
            values={view.values[t]!}
          />
        ))}
      </div>
    </>
  );
}
