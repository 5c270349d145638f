import { css, sequentialRgb } from '../../charts/labelColors';
import { formatNumber } from '../../format';
import { WhyFigure } from './WhyFigure';

const CELL = 34;
const ROW_LABEL = 90;
const COLUMN_LABEL = 70;

/**
 * Rows × columns of numbers as an SVG heatmap, white to blue from 0 to the largest value (or
 * `max`), each cell's value written in it where it fits and in its tooltip; null cells are empty.
 */
export function Heatmap({
  label,
  rows,
  columns,
  values,
  max,
  cell = CELL,
}: {
  label: string;
  rows: string[];
  columns: string[];
  values: (number | null)[][];
  max?: number;
  cell?: number;
}) {
  const top = Math.max(1e-12, max ?? Math.max(0, ...values.flat().map((v) => v ?? 0)));
  // Room for the last rotated column label, and for the title.
  const width = Math.max(ROW_LABEL + columns.length * cell + 48, label.length * 7 + 8);
  const height = COLUMN_LABEL + rows.length * cell + 8;
  const writeValues = cell >= 30;
  return (
    <WhyFigure label={label} width={width} height={height}>
      <text x={0} y={14} fontSize={12} fontWeight={600} fill="#0f172a">
        {label}
      </text>
      {columns.map((c, j) => (
        <text
          key={`c${j}`}
          transform={`translate(${ROW_LABEL + j * cell + cell / 2 + 4}, ${COLUMN_LABEL - 6}) rotate(-50)`}
          fontSize={11}
          fill="#334155"
        >
          {c}
        </text>
      ))}
      {rows.map((r, i) => (
        <g key={`r${i}`}>
          <text
            x={ROW_LABEL - 6}
            y={COLUMN_LABEL + i * cell + cell / 2 + 4}
            textAnchor="end"
            fontSize={11}
            fill="#334155"
          >
            {r}
          </text>
          {columns.map((c, j) => {
            const v = values[i]?.[j] ?? null;
            const x = ROW_LABEL + j * cell;
            const y = COLUMN_LABEL + i * cell;
            if (v === null)
              return <rect key={j} x={x} y={y} width={cell} height={cell} fill="#f8fafc" />;
            const t = v / top;
            return (
              <g key={j}>
                <rect
                  x={x}
                  y={y}
                  width={cell}
                  height={cell}
                  fill={css(sequentialRgb(t))}
                  stroke="#fff"
                >
                  <title>{`${r} · ${c}: ${formatNumber(v)}`}</title>
                </rect>
                {writeValues && (
                  <text
                    x={x + cell / 2}
                    y={y + cell / 2 + 4}
                    textAnchor="middle"
                    fontSize={10}
                    fill={t > 0.6 ? '#fff' : '#0f172a'}
                    pointerEvents="none"
                  >
                    {v < 0.995 && v >= 0 ? v.toFixed(2).replace(/^0/, '') : formatNumber(v)}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      ))}
    </WhyFigure>
  );
}
