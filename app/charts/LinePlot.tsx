import { useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Point } from './decimate';
import { extent, linePath, nearest, scale, valueDomain } from './plotScale';
import {
  HoverMarks,
  PlotAxes,
  PlotGrid,
  PlotLegend,
  PlotLines,
  PlotTooltip,
  type PlotFrame,
  type PlotHover,
  type PlotLine,
  type PlotScales,
} from './plotParts';

export type { PlotLine };

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

/** Both axes' scales for the lines in the frame; null while there is nothing to draw. */
function usePlotScales(
  lines: PlotLine[],
  frame: PlotFrame,
  { log, domain, wholeX }: Pick<LinePlotProps, 'log' | 'domain' | 'wholeX'>,
): PlotScales | null {
  const { left, top, width, height } = frame;
  return useMemo(() => {
    const range = extent(lines, log);
    if (!range || width <= 0 || height <= 0) return null;
    // About one x label per 90 px and one y label per 50 px, so labels never run together.
    const xTicks = Math.max(2, Math.floor(width / 90));
    const yTicks = Math.max(2, Math.floor(height / 50));
    const x = scale(range.x, [left, left + width], 'linear', xTicks, wholeX);
    const yDomain = domain ?? valueDomain(range.y, log);
    const y = scale(yDomain, [top + height, top], log ? 'log' : 'linear', yTicks);
    return { x, y };
  }, [lines, log, domain, left, top, width, height, wholeX]);
}

/**
 * Every line's nearest point to the pointer: validation lines have points only every few steps,
 * so they show their nearest validation rather than nothing.
 */
function useHover(lines: PlotLine[], scales: PlotScales | null, hoverX: number | null) {
  return useMemo((): PlotHover | null => {
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
  const frame: PlotFrame = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(0, width - MARGIN.left - MARGIN.right),
    height: Math.max(0, height - MARGIN.top - MARGIN.bottom),
  };
  const scales = usePlotScales(lines, frame, { log, domain, wholeX });
  const paths = useMemo(
    () => (scales ? lines.map((l) => linePath(l.points, scales.x, scales.y, log)) : []),
    [lines, scales, log],
  );
  const hover = useHover(lines, scales, hoverX);
  const onMove = (e: MouseEvent<SVGSVGElement>) =>
    setHoverX(e.clientX - e.currentTarget.getBoundingClientRect().left);

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
            <PlotGrid frame={frame} scales={scales} />
            <PlotAxes frame={frame} scales={scales} formatX={formatX} />
            <PlotLines {...{ frame, scales, lines, paths, reference, clipId }} />
            {hover && <HoverMarks frame={frame} scales={scales} hover={hover} />}
          </svg>
        )}
        {hover && scales && (
          <PlotTooltip
            hover={hover}
            left={Math.min(scales.x(hover.at) + 12, Math.max(0, width - 180))}
            top={MARGIN.top}
            formatX={formatX}
          />
        )}
      </div>
      <PlotLegend lines={lines} />
    </div>
  );
}
