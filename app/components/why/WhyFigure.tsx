import { useRef, type ReactNode } from 'react';
import { fileNameOf, saveDrawing } from '../../charts/exportChart';
import { SaveButtons } from '../SaveButtons';

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
  return (
    <figure className="why-figure">
      <SaveButtons
        title={label}
        onSave={(format) => void saveDrawing(body.current, [], fileNameOf(label), format)}
      />
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
