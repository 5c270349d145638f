import {
  lazy,
  memo,
  Suspense,
  useDeferredValue,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { fileNameOf, saveDrawing, type DrawingFormat } from '../charts/exportChart';
import { SaveButtons } from './SaveButtons';
import { LinePlot, type LinePlotProps, type PlotLine } from '../charts/LinePlot';

/** One line of a chart, already decimated. */
export type ChartLine = PlotLine;

interface Props {
  title: string;
  testId: string;
  lines: ChartLine[];
  /** Shown instead of the chart while there is nothing to draw. */
  placeholder: string;
  /** Offer a log-scale toggle (on by default). */
  logScale?: boolean;
  /** A fixed y-range, e.g. [-1, 1] for cosines. */
  domain?: [number, number];
  /** A horizontal reference line, e.g. y = 0. */
  reference?: number;
  height?: number;
  /** How an x value reads (ticks and tooltip); steps by default. */
  formatX?: (x: number) => string;
  /**
   * `svg` (default) draws with LinePlot, light enough for charts that change many times a second;
   * `recharts` suits charts that do not change while shown (saved runs compared).
   */
  renderer?: 'svg' | 'recharts';
  /** The x axis counts steps (whole-number ticks); false for time. */
  wholeX?: boolean;
  /** Extra controls in the header, beside the log-scale toggle. */
  controls?: ReactNode;
  children?: ReactNode;
}

const formatStep = (step: number): string => `step ${step}`;

/** A line chart over steps with its title, SVG/PNG download and log-scale toggle; drawn by LinePlot, or by recharts for charts that do not change while shown. */
export function SeriesChart({
  title,
  testId,
  lines,
  placeholder,
  logScale = false,
  domain,
  reference,
  height = 380,
  formatX = formatStep,
  renderer = 'svg',
  wholeX = true,
  controls,
  children,
}: Props) {
  const [log, setLog] = useState(logScale);
  const shown = useMemo(
    () => (log ? lines.map((l) => ({ ...l, points: l.points.filter((p) => p.value > 0) })) : lines), // log axes cannot show 0
    [lines, log],
  );
  const empty = lines.every((l) => l.points.length === 0);
  // Drawing hundreds of points per line is the app's costliest render: it happens after the
  // urgent update (readouts), in an interruptible render, so the page never stalls on it.
  const deferredLines = useDeferredValue(shown);
  const body = useRef<HTMLDivElement>(null);
  const save = (format: DrawingFormat) => {
    const legend = lines
      .filter((l) => !l.faint)
      .map((l) => ({ label: l.key, color: l.color, dashed: l.dashed }));
    void saveDrawing(body.current, legend, fileNameOf(title), format);
  };
  return (
    <section className="panel chart" aria-label={title}>
      <header className="chart-head">
        <h2>{title}</h2>
        {!empty && <SaveButtons title={title} onSave={save} />}
        {controls}
        {logScale && (
          <label className="check">
            <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log
            scale
          </label>
        )}
      </header>
      {children}
      <div
        ref={body}
        data-testid={testId}
        className="chart-body"
        style={{ height }}
        data-points={shown
          .filter((l) => !l.faint)
          .map((l) => l.points.length)
          .join(',')}
      >
        {empty ? (
          <p className="placeholder">{placeholder}</p>
        ) : (
          <Plot
            lines={deferredLines}
            log={log}
            domain={domain}
            reference={reference}
            formatX={formatX}
            wholeX={wholeX}
            renderer={renderer}
          />
        )}
      </div>
    </section>
  );
}

/**
 * recharts (and its d3 and redux dependencies) is only needed to compare saved runs: it loads
 * then, in its own chunk, so the page's first paint does not wait for it.
 */
const RechartsPlot = lazy(() => import('../charts/RechartsPlot'));

/** The drawing, redrawn only when its lines or settings change. */
const Plot = memo(function Plot({
  renderer,
  ...props
}: LinePlotProps & { renderer: 'svg' | 'recharts' }) {
  if (renderer === 'svg') return <LinePlot {...props} />;
  return (
    <Suspense fallback={<p className="placeholder">Loading the chart…</p>}>
      <RechartsPlot {...props} />
    </Suspense>
  );
});
