import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../format';
import type { LinePlotProps } from './LinePlot';
import { extent, scale, valueDomain } from './plotScale';

/**
 * A chart drawn by recharts, for charts that do not change while shown (saved runs compared).
 * Its value axis uses the live charts' domain and ticks, so a narrow band of losses on a log
 * axis is labelled too.
 */
export default function RechartsPlot({
  lines,
  log,
  domain,
  reference,
  formatX,
  wholeX = true,
}: LinePlotProps) {
  const range = extent(lines, log);
  const yDomain = domain ?? (range ? valueDomain(range.y, log) : undefined);
  const yTicks = yDomain && scale(yDomain, [0, 1], log ? 'log' : 'linear', 5).ticks;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          dataKey="step"
          type="number"
          domain={['dataMin', 'dataMax']}
          allowDuplicatedCategory={false}
          tickCount={8}
          allowDecimals={!wholeX}
          tickFormatter={(x: number) => formatX(x).replace(/^step /, '')}
        />
        <YAxis
          scale={log ? 'log' : 'linear'}
          domain={yDomain ?? ['auto', 'auto']}
          ticks={yTicks}
          allowDataOverflow
          tickFormatter={(v: number) => formatNumber(v)}
          width={64}
        />
        <Tooltip
          formatter={(v) => formatNumber(Number(v))}
          labelFormatter={(x) => formatX(Number(x))}
          isAnimationActive={false}
        />
        <Legend />
        {reference !== undefined && (
          <ReferenceLine y={reference} stroke="#94a3b8" strokeDasharray="3 3" />
        )}
        {lines.map((line) => (
          <Line
            key={line.key}
            name={line.key}
            data={line.points}
            dataKey="value"
            stroke={line.color}
            strokeWidth={line.dashed ? 2 : 1.5}
            strokeDasharray={line.dashed ? '6 4' : undefined}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
