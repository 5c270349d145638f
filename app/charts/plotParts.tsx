import { formatNumber } from '../format';
import type { Point } from './decimate';
import type { Scale } from './plotScale';

/** One line as the plot draws it. */
export interface PlotLine {
  key: string;
  color: string;
  dashed?: boolean;
  /** Drawn light behind the others, left out of the legend and the tooltip (raw values behind a smoothed line). */
  faint?: boolean;
  points: Point[];
}

/** Where the plot draws, inside the SVG: its margins give room to the axis labels. */
export interface PlotFrame {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PlotScales {
  x: Scale;
  y: Scale;
}

/** Every line's nearest point to the pointer, and the step the pointer is nearest to. */
export interface PlotHover {
  at: number;
  rows: { line: PlotLine; point: Point }[];
}

/** Light grid lines at every tick. */
export function PlotGrid({ frame, scales }: { frame: PlotFrame; scales: PlotScales }) {
  return (
    <g className="plot-grid" stroke="#e5e7eb">
      {scales.x.ticks.map((t) => (
        <line
          key={`x${t}`}
          x1={scales.x(t)}
          x2={scales.x(t)}
          y1={frame.top}
          y2={frame.top + frame.height}
        />
      ))}
      {scales.y.ticks.map((t) => (
        <line
          key={`y${t}`}
          x1={frame.left}
          x2={frame.left + frame.width}
          y1={scales.y(t)}
          y2={scales.y(t)}
        />
      ))}
    </g>
  );
}

/** Tick labels under the x axis and left of the y axis. */
export function PlotAxes(props: {
  frame: PlotFrame;
  scales: PlotScales;
  formatX: (x: number) => string;
}) {
  const { frame, scales, formatX } = props;
  return (
    <g className="plot-axis" fill="#6b7280" fontSize={12}>
      {scales.x.ticks.map((t) => (
        <text key={`x${t}`} x={scales.x(t)} y={frame.top + frame.height + 16} textAnchor="middle">
          {formatX(t).replace(/^step /, '')}
        </text>
      ))}
      {scales.y.ticks.map((t) => (
        <text key={`y${t}`} x={frame.left - 6} y={scales.y(t) + 4} textAnchor="end">
          {formatNumber(t)}
        </text>
      ))}
    </g>
  );
}

/** The lines themselves, clipped to the frame, over an optional dashed reference level. */
export function PlotLines(props: {
  frame: PlotFrame;
  scales: PlotScales;
  lines: PlotLine[];
  paths: string[];
  reference: number | undefined;
  clipId: string;
}) {
  const { frame, scales, lines, paths, reference, clipId } = props;
  return (
    <>
      <defs>
        <clipPath id={clipId}>
          <rect x={frame.left} y={frame.top} width={frame.width} height={frame.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {reference !== undefined && (
          <line
            x1={frame.left}
            x2={frame.left + frame.width}
            y1={scales.y(reference)}
            y2={scales.y(reference)}
            stroke="#94a3b8"
            strokeDasharray="3 3"
          />
        )}
        {lines.map((line, i) => (
          <path
            key={line.key}
            className={line.faint ? 'plot-line-raw' : 'plot-line'}
            d={paths[i]}
            fill="none"
            stroke={line.color}
            strokeOpacity={line.faint ? 0.25 : undefined}
            strokeWidth={line.dashed ? 2 : line.faint ? 1 : 1.5}
            strokeDasharray={line.dashed ? '6 4' : undefined}
          />
        ))}
      </g>
    </>
  );
}

/** A vertical rule at the hovered step and a dot on each line's nearest point. */
export function HoverMarks(props: { frame: PlotFrame; scales: PlotScales; hover: PlotHover }) {
  const { frame, scales, hover } = props;
  return (
    <g className="plot-hover">
      <line
        x1={scales.x(hover.at)}
        x2={scales.x(hover.at)}
        y1={frame.top}
        y2={frame.top + frame.height}
        stroke="#9ca3af"
      />
      {hover.rows.map(({ line, point }) => (
        <circle
          key={line.key}
          cx={scales.x(point.step)}
          cy={scales.y(point.value)}
          r={3}
          fill={line.color}
        />
      ))}
    </g>
  );
}

/** The hovered values, beside the rule; a point from another step says which. */
export function PlotTooltip(props: {
  hover: PlotHover;
  left: number;
  top: number;
  formatX: (x: number) => string;
}) {
  const { hover, left, top, formatX } = props;
  return (
    <div className="plot-tooltip" role="tooltip" style={{ left, top }}>
      <strong>{formatX(hover.at)}</strong>
      {hover.rows.map(({ line, point }) => (
        <div key={line.key} style={{ color: line.color }}>
          {line.key}: {formatNumber(point.value)}
          {point.step !== hover.at && <span className="muted"> ({formatX(point.step)})</span>}
        </div>
      ))}
    </div>
  );
}

/** One entry per line that is not faint: its stroke and its name. */
export function PlotLegend({ lines }: { lines: PlotLine[] }) {
  return (
    <ul className="plot-legend">
      {lines
        .filter((line) => !line.faint)
        .map((line) => (
          <li key={line.key} className="plot-legend-item">
            <svg width={20} height={8} aria-hidden="true">
              <line
                x1={0}
                x2={20}
                y1={4}
                y2={4}
                stroke={line.color}
                strokeWidth={2}
                strokeDasharray={line.dashed ? '6 4' : undefined}
              />
            </svg>
            <span className="plot-legend-text">{line.key}</span>
          </li>
        ))}
    </ul>
  );
}
