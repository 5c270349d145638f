import type { DataPreview } from '../../../src/data/preview';
import { formatNumber, taskColor } from '../../format';

/**
 * For inputs too wide to draw (the GradNorm toy's 250 features): how far each regression target
 * spreads, on a log scale, because a task's loss grows with the square of that spread.
 */
export function SpreadPreview({ preview, size }: { preview: DataPreview; size: number }) {
  const spreads = Object.entries(preview.spread);
  const logs = spreads.map(([, sd]) => Math.log10(Math.max(sd, 1e-6)));
  const lo = Math.min(...logs, 0) - 0.5;
  const hi = Math.max(...logs, 0) + 0.5;
  return (
    <div data-testid="preview-spread">
      <p className="muted">
        {size} features per example. Standard deviation of each target on the training split (log
        scale): a task's squared error grows with its square.
      </p>
      <ul className="spread-bars">
        {spreads.map(([name, sd], i) => (
          <li key={name}>
            <span className="spread-name">{name}</span>
            <span
              className="spread-bar"
              style={{ width: `${((logs[i]! - lo) / (hi - lo)) * 100}%`, background: taskColor(i) }}
            />
            <span className="spread-value">sd {formatNumber(sd)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
