import { TOY_STARTS, onParetoSet, toyLosses, type Point } from '../../../src/train/toy/cagradToy';
import type { ToyStrategy } from '../../../src/train/toy/toyStrategies';
import { STRATEGY_INFO } from '../../../src/spec/weighting';
import { COLORS } from './landscapeDrawing';

/** Two decimals, without the "-0.00" of a value that rounds to zero from below. */
const fixed2 = (x: number): string => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);

/** Where each path ends (so far): its point, the mean loss there, and whether it is Pareto-optimal. */
export function LandscapeEnds({ paths }: { paths: Record<string, Point[]> }) {
  const ends = Object.entries(paths).map(([key, path]) => {
    const [strategy, start] = key.split(':') as [ToyStrategy, string];
    const end = path.at(-1)!;
    const [a, b] = toyLosses(end).losses;
    return { key, strategy, start: TOY_STARTS[Number(start)]!, end, mean: (a + b) / 2 };
  });
  if (ends.length === 0) return null;
  return (
    <table className="ends" data-testid="landscape-ends">
      <caption>Where each path ends (so far)</caption>
      <thead>
        <tr>
          <th scope="col">strategy</th>
          <th scope="col">start</th>
          <th scope="col">end (x₁, x₂)</th>
          <th scope="col">mean loss</th>
          <th scope="col">Pareto set</th>
        </tr>
      </thead>
      <tbody>
        {ends.map(({ key, strategy, start, end, mean }) => (
          <tr key={key} data-strategy={strategy}>
            <th scope="row">
              <span className="swatch" style={{ background: COLORS[strategy] }} />
              {STRATEGY_INFO[strategy].label}
            </th>
            <td>
              ({start[0]}, {start[1]})
            </td>
            <td data-testid="landscape-end">
              ({fixed2(end[0])}, {fixed2(end[1])})
            </td>
            <td>{mean.toFixed(2)}</td>
            <td>{onParetoSet(end) ? 'on it' : 'not on it'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
