import type { CsvColumnSummary, CsvSummary } from '../../../src/data/csv/csvSummary';
import { choicesOf, suggestChoices, type CsvChoices } from '../../../src/design/csvDesign';
import type { MissingPolicy } from '../../../src/spec/types';
import { formatNumber } from '../../format';
import { useApp, type AppState } from '../../store';
import { isTraining } from '../../store/selectors';
import { usesLoadedCsv } from '../../store/dataSlice';
import { ScrollingTable } from '../ScrollingTable';

type Role = 'input' | 'target' | 'ignore';
type TaskKind = 'classification' | 'regression';

/** A column's kind in words, with what matters about it. */
export function describeColumn(c: CsvColumnSummary): string {
  const missing = c.missing ? ` · ${c.missing} missing` : '';
  switch (c.kind) {
    case 'numeric':
      return c.stats
        ? `${formatNumber(c.stats.min)} to ${formatNumber(c.stats.max)}${missing}`
        : 'numbers';
    case 'categorical':
      return `${c.distinct} categories${missing}`;
    case 'text':
      return `free text${missing}`;
    case 'empty':
      return 'empty';
  }
}

const roleOf = (choices: CsvChoices, name: string): Role =>
  choices.inputs.includes(name)
    ? 'input'
    : choices.targets.some((t) => t.column === name)
      ? 'target'
      : 'ignore';

/** Why a column cannot take a role (empty when it can). */
function whyNot(c: CsvColumnSummary, role: Role): string {
  if (role === 'input') return 'problem' in c.input ? `Not an input: ${c.input.problem}` : '';
  if (role === 'target')
    return c.suggested === null && 'problem' in c.classes
      ? `Not a target: ${c.classes.problem}`
      : '';
  return '';
}

/** Moves one column to a role; a new target takes the suggested kind. */
function withRole(choices: CsvChoices, c: CsvColumnSummary, role: Role): CsvChoices {
  const inputs = choices.inputs.filter((n) => n !== c.name);
  const targets = choices.targets.filter((t) => t.column !== c.name);
  if (role === 'input') inputs.push(c.name);
  if (role === 'target') targets.push({ column: c.name, kind: c.suggested ?? 'classification' });
  return { ...choices, inputs, targets };
}

/** One column: its name, what was detected in it, its role and, for a target, its task kind. */
function ColumnRow(props: {
  column: CsvColumnSummary;
  choices: CsvChoices;
  setChoices: (choices: CsvChoices) => void;
  locked: boolean;
}) {
  const { column: c, choices, setChoices, locked } = props;
  const role = roleOf(choices, c.name);
  const kind = choices.targets.find((t) => t.column === c.name)?.kind;
  const setKind = (kind: TaskKind) =>
    setChoices({
      ...choices,
      targets: choices.targets.map((t) => (t.column === c.name ? { ...t, kind } : t)),
    });
  return (
    <tr>
      <th scope="row" className="mono">
        {c.name}
      </th>
      <td>{describeColumn(c)}</td>
      <td>
        <select
          aria-label={`Role of ${c.name}`}
          value={role}
          disabled={locked}
          onChange={(e) => setChoices(withRole(choices, c, e.target.value as Role))}
        >
          {(['input', 'target', 'ignore'] as const).map((r) => (
            <option key={r} value={r} disabled={whyNot(c, r) !== ''} title={whyNot(c, r)}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>
        {role === 'target' && (
          <select
            aria-label={`Task kind for ${c.name}`}
            value={kind}
            disabled={locked}
            onChange={(e) => setKind(e.target.value as TaskKind)}
          >
            <option value="classification" disabled={'problem' in c.classes}>
              classes{Array.isArray(c.classes) ? ` (${c.classes.length})` : ''}
            </option>
            <option value="regression" disabled={!c.regression}>
              regression
            </option>
          </select>
        )}
      </td>
    </tr>
  );
}

const selectCsvColumns = (s: AppState) => ({
  spec: s.spec,
  config: s.config,
  data: s.data,
  setChoices: s.setCsvChoices,
  running: isTraining(s),
});

/**
 * One row per column of the loaded CSV: its detected kind, missing values, and its role (input,
 * target — then a task named after it — or ignored), with the task kind editable.
 */
export function CsvColumns({ summary }: { summary: CsvSummary }) {
  const { spec, config, data, setChoices, running } = useApp(selectCsvColumns);
  const inUse = usesLoadedCsv(data, summary);
  if (!inUse) {
    return (
      <p>
        <button type="button" onClick={() => setChoices(suggestChoices(summary))}>
          Use {summary.file}
        </button>
      </p>
    );
  }
  const choices = choicesOf({ spec, config, data });

  return (
    <div className="csv-columns">
      <ScrollingTable label="CSV columns and their roles">
        <table className="preview-table" aria-label="CSV columns">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Detected</th>
              <th scope="col">Role</th>
              <th scope="col">Task</th>
            </tr>
          </thead>
          <tbody>
            {summary.columns.map((c) => (
              <ColumnRow
                key={c.name}
                column={c}
                choices={choices}
                setChoices={setChoices}
                locked={running}
              />
            ))}
          </tbody>
        </table>
      </ScrollingTable>
      <label className="field inline">
        <span>Missing values</span>
        <select
          aria-label="Missing values"
          value={choices.missing}
          disabled={running}
          onChange={(e) => setChoices({ ...choices, missing: e.target.value as MissingPolicy })}
        >
          <option value="drop">drop rows with a missing value</option>
          <option value="impute">impute inputs from the training split</option>
        </select>
      </label>
    </div>
  );
}
