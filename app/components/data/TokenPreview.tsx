import type { DataPreview } from '../../../src/data/preview';
import { formatLabel } from './formatLabel';

/** The first token sequences with every task's label. */
export function TokenPreview({
  preview,
  length,
  tokens,
}: {
  preview: DataPreview;
  length: number;
  tokens: Float32Array;
}) {
  const names = Object.keys(preview.targets);
  return (
    <table className="preview-table" data-testid="preview-tokens">
      <thead>
        <tr>
          <th scope="col">tokens</th>
          {names.map((n) => (
            <th key={n} scope="col">
              {n}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: preview.count }, (_, i) => (
          <tr key={i}>
            <td className="mono">
              {Array.from(tokens.subarray(i * length, (i + 1) * length)).join(' ')}
            </td>
            {names.map((n) => (
              <td key={n}>{formatLabel(preview, n, i)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
