import { useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { formatNumber } from '../format';
import type { Point } from './decimate';
import { extent, linePath, nearest, scale, valueDomain } from './plotScale';

/** One line as the plot draws it. */
export interface PlotLine {
  key: string;
  color: string;
  dashed?: boolean;
  /** Drawn light behind the others, left out of the legend and the tooltip (raw values behind a smoothed line). */
  faint?: boolean;
  points: Point[];
}

export interface LinePlotProps {
  lines: PlotLine[];
  log: boolean;
  /** A fixed y-range; values outside it are clipped. */
  domain: [number, number] | undefined;
  reference: number | undefined;
  formatX: (x: number) => string;
  /** The x axis counts steps: whole-number ticks only. */
  wholeX?: boolean;
}

const MARGIN = { top: 8, right: 16, bottom: 24, left: 64 };

/** The size of an element, kept up to date. */
function useSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry!.contentRect;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}

/**
 * A live line chart drawn as plain SVG: one `<path>` per line, round ticks, a legend and a
 * tooltip on hover. It replaces recharts on the charts that change many times a second, where
 * recharts' per-series components made every update a long task (docs/BENCHMARKS.md).
 */
export function LinePlot({ lines, log, domain, reference, formatX, wholeX = true }: LinePlotProps) {
  const [box, { width, height }] = useSize<HTMLDivElement>();
  // React's ids carry characters a url(#…) reference would need escaped.
  const clipId = `plot-clip-${useId().replace(/[^\w-]/g, '')}`;
  const [hoverX, setHoverX] = useState<number | null>(null);
  const inner = {
    width: Math.max(0, width - MARGIN.left - MARGIN.right),
    height: Math.max(0, height - MARGIN.top - MARGIN.bottom),
  };
  const scales = useMemo(() => {
    const range = extent(lines, log);
    if (!range || inner.width <= 0 || inner.height <= 0) return null;
    // About one x label per 90 px and one y label per 50 px, so labels never run together.
    const xTicks = Math.max(2, Math.floor(inner.width / 90));
    const yTicks = Math.max(2, Math.floor(inner.height / 50));
    const x = scale(range.x, [MARGIN.left, MARGIN.left + inner.width], 'linear', xTicks, wholeX);
    const yDomain = domain ?? valueDomain(range.y, log);
    const y = scale(
      yDomain,
      [MARGIN.top + inner.height, MARGIN.top],
      log ? 'log' : 'linear',
      yTicks,
    );
    return { x, y };
  }, [lines, log, domain, inner.width, inner.height, wholeX]);
  const paths = useMemo(
    () => (scales ? lines.map((l) => linePath(l.points, scales.x, scales.y, log)) : []),
    [lines, scales, log],
  );

  // Every line's nearest point to the pointer: validation lines have points only every few
  // steps, so they show their nearest validation rather than nothing.
  const hover = useMemo(() => {
    if (hoverX === null || !scales) return null;
    const step = scales.x.invert(hoverX);
    const rows = lines
      .filter((l) => !l.faint)
      .map((l) => ({ line: l, point: nearest(l.points, step) }))
      .filter((r): r is { line: PlotLine; point: Point } => r.point !== null);
    if (rows.length === 0) return null;
    const at = rows.reduce((best, r) =>
      Math.abs(r.point.step - step) < Math.abs(best.point.step - step) ? r : best,
    ).point.step;
    return { at, rows };
  }, [hoverX, scales, lines]);

  const onMove = (e: MouseEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    setHoverX(e.clientX - rect.left);
  };

  return (
    <div className="plot">
      <div className="plot-area" ref={box}>
        {scales && (
          <svg
            className="plot-surface"
            width={width}
            height={height}
            onMouseMove={onMove}
            onMouseLeave={() => setHoverX(null)}
          >
            <defs>
              <clipPath id={clipId}>
                <rect x={MARGIN.left} y={MARGIN.top} width={inner.width} height={inner.height} />
              </clipPath>
            </defs>
            <g className="plot-grid" stroke="#e5e7eb">
              {scales.x.ticks.map((t) => (
                <line
                  key={`x${t}`}
                  x1={scales.x(t)}
                  x2={scales.x(t)}
                  y1={MARGIN.top}
                  y2={MARGIN.top + inner.height}
                />
              ))}
              {scales.y.ticks.map((t) => (
                <line
                  key={`y${t}`}
                  x1={MARGIN.left}
                  x2={MARGIN.left + inner.width}
                  y1={scales.y(t)}
                  y2={scales.y(t)}
                />
              ))}
            </g>
            <g className="plot-axis" fill="#6b7280" fontSize={12}>
              {scales.x.ticks.map((t) => (
                <text
                  key={`x${t}`}
                  x={scales.x(t)}
                  y={MARGIN.top + inner.height + 16}
                  textAnchor="middle"
                >
                  {formatX(t).replace(/^step /, '')}
                </text>
              ))}
              {scales.y.ticks.map((t) => (
                <text key={`y${t}`} x={MARGIN.left - 6} y={scales.y(t) + 4} textAnchor="end">
                  {formatNumber(t)}
                </text>
              ))}
            </g>
            <g clipPath={`url(#${clipId})`}>
              {reference !== undefined && (
                <line
                  x1={MARGIN.left}
                  x2={MARGIN.left + inner.width}
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
            {hover && (
              <g className="plot-hover">
                <line
                  x1={scales.x(hover.at)}
                  x2={scales.x(hover.at)}
                  y1={MARGIN.top}
                  y2={MARGIN.top + inner.height}
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
            )}
          </svg>
        )}
        {hover && scales && (
          <div
            className="plot-tooltip"
            role="tooltip"
            style={{
              left: Math.min(scales.x(hover.at) + 12, Math.max(0, width - 180)),
              top: MARGIN.top,
            }}
          >
            <strong>{formatX(hover.at)}</strong>
            {hover.rows.map(({ line, point }) => (
              <div key={line.key} style={{ color: line.color }}>
                {line.key}: {formatNumber(point.value)}
                {point.step !== hover.at && <span className="muted"> ({formatX(point.step)})</span>}
              </div>
            ))}
          </div>
        )}
      </div>
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
    </div>
  );
}
