import type { CsvSummary } from '../../../src/data/csv/csvSummary';
import { ScrollingTable } from '../ScrollingTable';

/** The file's first rows as read, each column headed by its name and detected kind. */
export function CsvFirstRows({ summary }: { summary: CsvSummary }) {
  return (
    <ScrollingTable label="First rows of the CSV">
      <table className="preview-table" data-testid="preview-csv">
        <caption>First rows of {summary.file}</caption>
        <thead>
          <tr>
            {summary.columns.map((c) => (
              <th key={c.name} scope="col">
                <span className="mono">{c.name}</span>
                <br />
                <span className={`kind kind-${c.kind}`}>{c.kind}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.preview.map((row, i) => (
            <tr key={i}>
              {row.map((value, j) => (
                <td key={j}>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}
