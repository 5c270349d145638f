import type { CsvInput, CsvTarget } from '../../spec/types';
import type { CsvColumn, CsvTable } from './csvTable';

/** Most categories one-hot encoded as an input, and most classes of a target. */
export const MAX_ONE_HOT = 50;
export const MAX_CLASSES = 100;
/** Distinct numbers counted per column; more are reported as "more than this". */
const DISTINCT_CAP = 1000;
/** A numeric column of whole numbers with at most this many values is suggested as classes. */
const FEW_INTEGERS = 20;

export type CsvColumnKind = 'numeric' | 'categorical' | 'text' | 'empty';

/** What the UI needs to know of a column to offer it as input or target. */
export interface CsvColumnSummary {
  name: string;
  kind: CsvColumnKind;
  missing: number;
  /** Distinct values present, or null when there are more than the table kept. */
  distinct: number | null;
  /** Numeric columns: range and mean of the values present. */
  stats: { min: number; max: number; mean: number } | null;
  /** How it feeds the model as an input, or why it cannot. */
  input: CsvInput | { problem: string };
  /** Classes if it can be a classification target (sorted), or why not. */
  classes: string[] | { problem: string };
  /** Whether it can be a regression target (numbers only). */
  regression: boolean;
  /** The kind of task suggested for it as a target; null if it cannot be one. */
  suggested: 'classification' | 'regression' | null;
}

/** Everything the UI shows of a parsed file; the rows stay in the worker. */
export interface CsvSummary {
  file: string;
  fingerprint: string;
  bytes: number;
  rows: number;
  delimiter: string;
  columns: CsvColumnSummary[];
  preview: string[][];
}

const byNumber = (a: string, b: string) =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

/** The kind of a column from its values: numbers, few strings, many strings, or nothing. */
export function columnKind(column: CsvColumn, rows: number): CsvColumnKind {
  if (column.missing === rows) return 'empty';
  if (!column.firstText) return 'numeric';
  return column.categories ? 'categorical' : 'text';
}

/** Distinct numbers of a numeric column, up to `cap` + 1 of them. */
function distinctNumbers(column: CsvColumn, cap: number): number[] {
  const seen = new Set<number>();
  for (const v of column.numbers) {
    if (Number.isNaN(v)) continue;
    seen.add(v);
    if (seen.size > cap) break;
  }
  return [...seen].sort((a, b) => a - b);
}

function numericStats(column: CsvColumn): CsvColumnSummary['stats'] {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let n = 0;
  for (const v of column.numbers) {
    if (Number.isNaN(v)) continue;
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    n++;
  }
  return n ? { min, max, mean: sum / n } : null;
}

function classesOf(
  column: CsvColumn,
  kind: CsvColumnKind,
  numbers: number[],
): string[] | { problem: string } {
  let values: string[];
  if (kind === 'numeric') {
    if (numbers.some((v) => !Number.isInteger(v)))
      return { problem: 'it has fractional numbers, which are not classes' };
    values = numbers.map(String);
  } else if (kind === 'categorical') {
    values = [...column.categories!].sort(byNumber);
  } else {
    return {
      problem:
        kind === 'empty'
          ? 'it has no values'
          : `it has more than ${column.categories?.length ?? 1000} distinct values`,
    };
  }
  if (values.length < 2)
    return { problem: `it has a single value ('${values[0]}'): nothing to predict` };
  if (values.length > MAX_CLASSES)
    return { problem: `it has more than ${MAX_CLASSES} distinct values, too many classes` };
  return values;
}

function inputOf(column: CsvColumn, kind: CsvColumnKind): CsvColumnSummary['input'] {
  switch (kind) {
    case 'numeric':
      return { column: column.name, encoding: 'numeric' };
    case 'categorical': {
      const categories = [...column.categories!].sort(byNumber);
      if (categories.length > MAX_ONE_HOT) {
        return {
          problem: `it is text with ${categories.length} distinct values (first: '${column.firstText!.value}' on line ${column.firstText!.line}); at most ${MAX_ONE_HOT} can be one-hot encoded`,
        };
      }
      return { column: column.name, encoding: 'onehot', categories };
    }
    case 'text':
      return {
        problem: `it is free text (first: '${column.firstText!.value}' on line ${column.firstText!.line}), neither numbers nor a few categories`,
      };
    case 'empty':
      return { problem: 'it has no values' };
  }
}

/** Summarizes one column: kind, statistics, and how it can be used. */
export function summarizeColumn(column: CsvColumn, rows: number): CsvColumnSummary {
  const kind = columnKind(column, rows);
  // One pass over the rows serves the classes, the regression check and the count.
  const numbers = kind === 'numeric' ? distinctNumbers(column, DISTINCT_CAP) : [];
  const classes = classesOf(column, kind, numbers);
  const regression = numbers.length > 1;
  const fewValues =
    Array.isArray(classes) && (kind === 'categorical' || classes.length <= FEW_INTEGERS);
  return {
    name: column.name,
    kind,
    missing: column.missing,
    distinct:
      kind === 'numeric'
        ? numbers.length > DISTINCT_CAP
          ? null
          : numbers.length
        : (column.categories?.length ?? null),
    stats: kind === 'numeric' ? numericStats(column) : null,
    input: inputOf(column, kind),
    classes,
    regression,
    suggested: fewValues ? 'classification' : regression ? 'regression' : null,
  };
}

/** The summary the worker sends the UI after parsing. */
export function summarizeTable(table: CsvTable): CsvSummary {
  return {
    file: table.file,
    fingerprint: table.fingerprint,
    bytes: table.bytes,
    rows: table.rows,
    delimiter: table.delimiter,
    columns: table.columns.map((c) => summarizeColumn(c, table.rows)),
    preview: table.preview,
  };
}

/** A target as a design stores it, from a column's summary and the chosen kind. */
export function targetFor(
  column: CsvColumnSummary,
  kind: 'classification' | 'regression',
): CsvTarget | { problem: string } {
  if (kind === 'regression') {
    return column.regression
      ? { column: column.name, kind: 'regression' }
      : {
          problem: `'${column.name}' cannot be a regression target: it is not a column of varying numbers`,
        };
  }
  if (!Array.isArray(column.classes))
    return {
      problem: `'${column.name}' cannot be a classification target: ${column.classes.problem}`,
    };
  return { column: column.name, kind: 'classification', classes: column.classes };
}
