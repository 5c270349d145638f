import { useRef, type ReactNode } from 'react';
import { chartSvg, svgToPng } from '../../charts/exportChart';
import { downloadFile } from '../../io/download';

/**
 * One drawing of a why view: an SVG (class plot-surface) with Save SVG / PNG buttons, as the
 * charts have. `label` names the drawing for screen readers and the file.
 */
export function WhyFigure({
  label,
  width,
  height,
  children,
}: {
  label: string;
  width: number;
  height: number;
  children: ReactNode;
}) {
  const body = useRef<HTMLDivElement>(null);
  const file = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const save = async (format: 'svg' | 'png') => {
    const svg = body.current && chartSvg(body.current, []);
    if (!svg) return;
    const blob =
      format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg);
    downloadFile(`${file}.${format}`, blob);
  };
  return (
    <figure className="why-figure">
      <span className="chart-save">
        {(['svg', 'png'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="link"
            aria-label={`Save ${label} as ${format.toUpperCase()}`}
            onClick={() => void save(format)}
          >
            {format.toUpperCase()}
          </button>
        ))}
      </span>
      <div ref={body} className="why-body">
        <svg
          className="plot-surface"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={label}
        >
          {children}
        </svg>
      </div>
    </figure>
  );
}
