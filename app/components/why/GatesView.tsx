import type { ReadoutValues } from '../../../src/train/insights/readouts';
import { CLASS_COLORS } from '../../charts/labelColors';
import { formatNumber } from '../../format';
import type { RunView } from '../../store/runView';
import { Heatmap } from './Heatmap';
import { WhyFigure } from './WhyFigure';

const PLOT = { width: 200, height: 80, left: 28, top: 18 };

/** How each row's weights moved over the run: one small chart per row, a line per column. */
function GateHistory({
  gates,
  index,
  history,
}: {
  gates: ReadoutValues;
  index: number;
  history: RunView['gateHistory'];
}) {
  const first = history[0]?.step ?? 0;
  const last = history.at(-1)?.step ?? 1;
  const sx = (step: number) =>
    PLOT.left + ((step - first) / Math.max(last - first, 1)) * (PLOT.width - PLOT.left - 4);
  const sy = (v: number) => PLOT.top + (1 - v) * (PLOT.height - PLOT.top - 14);
  const colour = (c: number) => CLASS_COLORS[c % CLASS_COLORS.length]!;
  return (
    <WhyFigure
      label={`${gates.title} over the run`}
      width={gates.rows.length * (PLOT.width + 10)}
      height={PLOT.height + 18 + Math.ceil(gates.columns.length / 4) * 14}
    >
      {gates.rows.map((row, r) => (
        <g key={row.label} transform={`translate(${r * (PLOT.width + 10)}, 0)`}>
          <text x={PLOT.left} y={12} fontSize={11} fontWeight={600} fill="#0f172a">
            {row.label}
          </text>
          <text x={PLOT.left - 4} y={sy(1) + 4} textAnchor="end" fontSize={9} fill="#64748b">
            1
          </text>
          <text x={PLOT.left - 4} y={sy(0) + 4} textAnchor="end" fontSize={9} fill="#64748b">
            0
          </text>
          <line x1={PLOT.left} x2={PLOT.width - 4} y1={sy(0)} y2={sy(0)} stroke="#cbd5e1" />
          {gates.columns.map((column, c) => {
            const points = history.flatMap((h) => {
              const v = h.values[index]?.[r]?.[c];
              return v === null || v === undefined ? [] : [`${sx(h.step)},${sy(v)}`];
            });
            return points.length ? (
              <polyline
                key={column}
                points={points.join(' ')}
                fill="none"
                stroke={colour(c)}
                strokeWidth={1.5}
              >
                <title>{`${row.label} · ${column}: ${formatNumber(history.at(-1)?.values[index]?.[r]?.[c] ?? Number.NaN)} at step ${last}`}</title>
              </polyline>
            ) : null;
          })}
          <text x={PLOT.left} y={PLOT.height} fontSize={9} fill="#64748b">
            step {first}
          </text>
          <text x={PLOT.width - 4} y={PLOT.height} textAnchor="end" fontSize={9} fill="#64748b">
            {last}
          </text>
        </g>
      ))}
      {gates.columns.map((column, c) => (
        <text
          key={column}
          x={(c % 4) * 110}
          y={PLOT.height + 16 + Math.floor(c / 4) * 14}
          fontSize={10}
          fill={colour(c)}
        >
          ■ {column}
        </text>
      ))}
    </WhyFigure>
  );
}

/** Each gate's mean weight on each expert (a row sums to 1), or each MTAN mask's mean opening. */
export function GatesView({
  gates,
  step,
  history,
}: {
  gates: ReadoutValues[];
  step: number;
  history: RunView['gateHistory'];
}) {
  return (
    <>
      <p className="muted">
        Step {step}, mean over validation examples. A gate’s row sums to 1: the share of each expert
        in what that task reads. A mask’s cell: how much of that block’s features the task keeps (1:
        all of them). Under each, how the row moved over the run.
      </p>
      {gates.map((g, k) => (
        <div key={g.title} className="why-row">
          <Heatmap
            label={g.title}
            rows={g.rows.map((r) => r.label)}
            columns={g.columns}
            values={g.rows.map((r) => r.values)}
            max={1}
          />
          {history.length > 1 && <GateHistory gates={g} index={k} history={history} />}
        </div>
      ))}
    </>
  );
}
