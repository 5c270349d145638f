import { CsvError } from './tokenizer';

/** Sizes a tab can parse and hold without trouble; beyond them the file is refused, explained. */
export const CSV_LIMITS = {
  maxBytes: 200 * 1024 * 1024,
  maxRows: 1_000_000,
  maxColumns: 500,
  /** Distinct values a column keeps as categories; more make it free text. */
  maxCategories: 1000,
  /** Longest column name kept (names become target names). */
  maxNameLength: 64,
} as const;

/** Values read as "no value". */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);
/** Code of a present value once a column has too many distinct values to keep as categories. */
const NOT_KEPT = -2;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** One column, stored two ways at once because its kind is known only at the end. */
export interface CsvColumn {
  name: string;
  /** The number in each row; NaN where the value is missing or not a number. */
  numbers: Float64Array;
  /** Each row's index into `categories`; -1 where missing, -2 for values past the category limit. */
  codes: Int32Array;
  /** Distinct values in order of appearance, or null when there were too many. */
  categories: string[] | null;
  missing: number;
  /** The first value that is not a number, where it is (null: every value is a number or missing). */
  firstText: { value: string; line: number } | null;
}

/** A parsed CSV held by the worker: columns of equal length, with each row's line in the file. */
export interface CsvTable {
  file: string;
  /** Identifies this exact content: designs made from it carry it. */
  fingerprint: string;
  bytes: number;
  delimiter: string;
  rows: number;
  /** Line in the file where each row starts (for messages). */
  lines: Int32Array;
  columns: CsvColumn[];
  /** The first rows as text, for the preview table. */
  preview: string[][];
}

/** Growing typed column storage. */
class ColumnBuilder {
  numbers = new Float64Array(1024);
  codes = new Int32Array(1024);
  private readonly dictionary = new Map<string, number>();
  private overflow = false;
  missing = 0;
  firstText: { value: string; line: number } | null = null;

  constructor(readonly name: string) {}

  add(row: number, raw: string, line: number): void {
    if (row >= this.numbers.length) this.grow();
    const value = raw.trim();
    if (MISSING.has(value.toLowerCase())) {
      this.missing++;
      this.numbers[row] = NaN;
      this.codes[row] = -1;
      return;
    }
    // Beyond float64 ('1e400' reads as Infinity) is not a number this app can learn from.
    const number = NUMBER.test(value) ? Number(value) : NaN;
    this.numbers[row] = Number.isFinite(number) ? number : NaN;
    if (Number.isNaN(this.numbers[row]) && !this.firstText) this.firstText = { value, line };
    if (this.overflow) {
      this.codes[row] = NOT_KEPT;
      return;
    }
    let code = this.dictionary.get(value);
    if (code === undefined) {
      if (this.dictionary.size >= CSV_LIMITS.maxCategories) {
        this.overflow = true;
        this.codes[row] = NOT_KEPT;
        return;
      }
      code = this.dictionary.size;
      this.dictionary.set(value, code);
    }
    this.codes[row] = code;
  }

  private grow(): void {
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const codes = new Int32Array(this.codes.length * 2);
    codes.set(this.codes);
    this.codes = codes;
  }

  finish(rows: number): CsvColumn {
    return {
      name: this.name,
      numbers: this.numbers.slice(0, rows),
      codes: this.codes.slice(0, rows),
      categories: this.overflow ? null : [...this.dictionary.keys()],
      missing: this.missing,
      firstText: this.firstText,
    };
  }
}

/** Column names from a header row: blanks named by position, long ones cut, repeats numbered. */
function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    let name = raw.trim().slice(0, CSV_LIMITS.maxNameLength) || `column_${i + 1}`;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    if (count > 0) name = `${name.slice(0, CSV_LIMITS.maxNameLength - 4)}_${count + 1}`;
    return name;
  });
}

/** Builds a table from records (the first is the header), refusing what cannot be a data table. */
export class CsvTableBuilder {
  private builders: ColumnBuilder[] = [];
  private lines = new Int32Array(1024);
  private rows = 0;
  private readonly preview: string[][] = [];

  /** Takes one record of the file. */
  add = (fields: string[], line: number): void => {
    if (this.builders.length === 0) return this.header(fields);
    const width = this.builders.length;
    let count = fields.length;
    while (count > width && fields[count - 1]!.trim() === '') count--; // trailing delimiters
    if (count !== width) {
      throw new CsvError(
        `Line ${line} has ${fields.length} fields but the header has ${width}: ` +
          'a delimiter is missing, extra, or inside a value without quotes',
      );
    }
    if (this.rows >= CSV_LIMITS.maxRows)
      throw new CsvError(`The file has more than ${CSV_LIMITS.maxRows.toLocaleString('en')} rows`);
    if (this.rows >= this.lines.length) {
      const lines = new Int32Array(this.lines.length * 2);
      lines.set(this.lines);
      this.lines = lines;
    }
    this.lines[this.rows] = line;
    for (let c = 0; c < width; c++) this.builders[c]!.add(this.rows, fields[c]!, line);
    if (this.preview.length < 8) this.preview.push(fields.slice(0, width));
    this.rows++;
  };

  private header(fields: string[]): void {
    if (fields.length < 2) {
      throw new CsvError(
        `The header has a single column ('${fields[0]!.trim().slice(0, 40)}'): a CSV here needs ` +
          'at least one input column and one target column, separated by , ; tab or |',
      );
    }
    if (fields.length > CSV_LIMITS.maxColumns)
      throw new CsvError(`The file has ${fields.length} columns; at most ${CSV_LIMITS.maxColumns}`);
    if (fields.every((f) => NUMBER.test(f.trim()))) {
      throw new CsvError(
        `The first line is data (${fields.slice(0, 3).join(', ')}…), not a header: ` +
          'add a first line that names the columns',
      );
    }
    this.builders = columnNames(fields).map((name) => new ColumnBuilder(name));
  }

  /** The finished table. */
  finish(meta: { file: string; fingerprint: string; bytes: number; delimiter: string }): CsvTable {
    if (this.builders.length === 0) throw new CsvError('The file has no lines of text');
    if (this.rows === 0) throw new CsvError('The file has a header but no data rows');
    return {
      ...meta,
      rows: this.rows,
      lines: this.lines.slice(0, this.rows),
      columns: this.builders.map((b) => b.finish(this.rows)),
      preview: this.preview,
    };
  }
}
