import type { CsvDataSettings, CsvInput, DataSpec } from '../../spec/types';
import type { CsvReport, Dataset, Split, TargetInfo } from '../dataset';
import { createRng, shuffledIndices } from '../random';
import type { CsvColumn, CsvTable } from './csvTable';
import { CsvError } from './tokenizer';

/** Model input width of a CSV design: one per numeric column, one per category of a one-hot one. */
export function csvInputWidth(settings: CsvDataSettings): number {
  return settings.inputs.reduce(
    (n, i) => n + (i.encoding === 'numeric' ? 1 : i.categories.length),
    0,
  );
}

/** The targets a CSV design offers, keyed by column name. */
export function csvTargets(settings: CsvDataSettings): Record<string, TargetInfo> {
  return Object.fromEntries(
    settings.targets.map((t) => [
      t.column,
      t.kind === 'classification'
        ? { kind: 'classification', classes: t.classes.length }
        : { kind: 'regression', dims: 1 },
    ]),
  );
}

/** Row r's value as the design's classes and categories spell it; null where missing. */
function valueText(column: CsvColumn, r: number): string | null {
  const code = column.codes[r]!;
  if (code === -1) return null;
  // A numeric column's classes are its numbers written plainly ("1.0" and "1" are one class).
  return column.firstText ? column.categories![code]! : String(column.numbers[r]);
}

function findColumn(table: CsvTable, name: string): CsvColumn {
  const column = table.columns.find((c) => c.name === name);
  if (!column) throw new CsvError(`The file '${table.file}' has no column '${name}'`);
  return column;
}

const isMissing = (column: CsvColumn, r: number): boolean => column.codes[r] === -1;

/** Standardized values beyond this many deviations are clipped: float32 and the losses stay finite. */
const MAX_DEVIATIONS = 1000;

interface Standardizer {
  /** In the column's units, for the report (may read ±Infinity for values near float64's limit). */
  mean: number;
  sd: number;
  /** (v − mean) / sd, clipped to ±MAX_DEVIATIONS. */
  apply(v: number): number;
}

/**
 * Mean and standard deviation over the given rows' present values (sd 1 when constant). Computed
 * on values divided by the largest magnitude, so columns with values near 1e308 neither overflow
 * the sums nor the differences.
 */
function standardizer(column: CsvColumn, rows: Int32Array): Standardizer {
  let scale = 0;
  for (const r of rows) {
    const v = Math.abs(column.numbers[r]!);
    if (v > scale) scale = v; // NaN compares false: missing values are skipped
  }
  if (!(scale > 0)) scale = 1;
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    const v = column.numbers[r]! / scale;
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  let sq = 0;
  for (const r of rows) {
    const v = column.numbers[r]! / scale;
    if (!Number.isNaN(v)) sq += (v - mean) ** 2;
  }
  const sd = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
  const clip = (z: number) => Math.max(-MAX_DEVIATIONS, Math.min(MAX_DEVIATIONS, z));
  // A constant column is only centred (sd 1 in its units: 1 / scale could overflow).
  if (!(sd * scale > 1e-12))
    return { mean: mean * scale, sd: 1, apply: (v) => clip(v - mean * scale) };
  return { mean: mean * scale, sd: sd * scale, apply: (v) => clip((v / scale - mean) / sd) };
}

/** One input column's encoder, fitted on the training rows only. */
interface InputEncoder {
  width: number;
  /** Writes row r's features at `out[at…]`; returns whether a value was imputed. */
  write(r: number, out: Float32Array, at: number): boolean;
}

function inputEncoder(
  input: CsvInput,
  column: CsvColumn,
  train: Int32Array,
  report: CsvReport,
): InputEncoder {
  if (input.encoding === 'numeric') {
    if (column.firstText) {
      throw new CsvError(
        `Column '${column.name}' is not numeric (line ${column.firstText.line}: '${column.firstText.value}'): use it one-hot or not at all`,
      );
    }
    const { mean, sd, apply } = standardizer(column, train);
    report.scaling.push({ column: column.name, mean, sd });
    return {
      width: 1,
      write: (r, out, at) => {
        const v = column.numbers[r]!;
        out[at] = Number.isNaN(v) ? 0 : apply(v); // 0 is the training mean
        return Number.isNaN(v);
      },
    };
  }
  const index = new Map(input.categories.map((c, i) => [c, i]));
  const counts = new Float64Array(input.categories.length);
  for (const r of train) {
    const k = index.get(valueText(column, r) ?? '');
    if (k !== undefined) counts[k]!++;
  }
  const mode = counts.indexOf(Math.max(...counts));
  return {
    width: input.categories.length,
    write: (r, out, at) => {
      const text = valueText(column, r);
      const k = text === null ? mode : index.get(text); // unseen categories stay all-zero
      if (k !== undefined) out[at + k] = 1;
      return text === null;
    },
  };
}

/**
 * The rows kept (a missing target leaves a row out; under `drop`, so does a missing input),
 * shuffled by the data seed and split into training and validation rows.
 */
function splitRows(table: CsvTable, spec: DataSpec, inputs: CsvColumn[], targets: CsvColumn[]) {
  const drop = spec.csv!.missing === 'drop';
  const kept: number[] = [];
  let dropped = 0;
  for (let r = 0; r < table.rows; r++) {
    const missingTarget = targets.some((c) => isMissing(c, r));
    const missingInput = inputs.some((c) => isMissing(c, r));
    if (missingTarget || (drop && missingInput)) dropped++;
    else kept.push(r);
  }
  const order = shuffledIndices(kept.length, createRng(spec.seed));
  const rows = Int32Array.from(order, (k) => kept[k]!);
  const valCount = Math.round(rows.length * spec.valFraction);
  const trainRows = rows.subarray(0, rows.length - valCount);
  const valRows = rows.subarray(rows.length - valCount);
  const policy = drop ? 'with a missing value' : 'without a target value';
  if (trainRows.length === 0) {
    throw new CsvError(
      `No rows are left for training: ${dropped} of ${table.rows} rows were left out ${policy}` +
        (valCount ? ` and ${valCount} held out for validation` : ''),
    );
  }
  if (valRows.length === 0) {
    throw new CsvError(
      `No rows are left for validation: only ${rows.length} usable rows; raise the validation share`,
    );
  }
  return { trainRows, valRows, dropped };
}

/** Row r's training target: a standardized value, or a class index. */
type TargetEncoder = (r: number) => number;

/**
 * One target column's encoder, checked and fitted on the training rows: a regression target must
 * be numeric, a classification target must show two classes or more.
 */
function targetEncoder(
  target: CsvDataSettings['targets'][number],
  column: CsvColumn,
  table: CsvTable,
  train: Int32Array,
  report: CsvReport,
): TargetEncoder {
  if (target.kind === 'regression') {
    if (column.firstText) {
      throw new CsvError(
        `Target '${target.column}' is not numeric (line ${column.firstText.line}: '${column.firstText.value}'): make it a classification task`,
      );
    }
    const scale = standardizer(column, train);
    report.scaling.push({ column: target.column, mean: scale.mean, sd: scale.sd });
    return (r) => scale.apply(column.numbers[r]!);
  }
  const present = new Set<string>();
  for (const r of train) present.add(valueText(column, r)!);
  if (present.size < 2) {
    throw new CsvError(
      `Target '${target.column}' has a single class ('${[...present][0]}') in the ${train.length} training rows: a classifier has nothing to learn`,
    );
  }
  const classIndex = new Map(target.classes.map((c, i) => [c, i]));
  return (r) => {
    const text = valueText(column, r)!;
    const index = classIndex.get(text);
    if (index === undefined) {
      throw new CsvError(
        `Line ${table.lines[r]}: '${text}' is not one of the classes of target '${target.column}'`,
      );
    }
    return index;
  };
}

/** The features and targets of the given rows; counts imputed values in the report. */
function encodeSplit(
  subset: Int32Array,
  inputs: InputEncoder[],
  targets: { column: string; encode: TargetEncoder }[],
  report: CsvReport,
): Split {
  const width = inputs.reduce((n, e) => n + e.width, 0);
  const x = new Float32Array(subset.length * width);
  const columns: Record<string, Float32Array> = {};
  for (const t of targets) columns[t.column] = new Float32Array(subset.length);
  subset.forEach((r, k) => {
    let at = k * width;
    for (const e of inputs) {
      if (e.write(r, x, at)) report.imputed++;
      at += e.width;
    }
    for (const t of targets) columns[t.column]![k] = t.encode(r);
  });
  return { size: subset.length, x, targets: columns };
}

/**
 * The dataset a CSV design trains on: rows with a missing target are left out (and, under `drop`,
 * rows missing any input), the rest shuffled by the data seed and split; numeric inputs and
 * regression targets standardized, and missing inputs imputed, with training-split statistics only.
 */
export function buildCsvDataset(
  table: CsvTable,
  spec: DataSpec,
): { dataset: Dataset; report: CsvReport } {
  const settings = spec.csv;
  if (!settings) throw new CsvError('This design has no CSV settings');
  if (settings.fingerprint !== table.fingerprint) {
    throw new CsvError(
      `The design was made for another version of '${settings.file}' than the one loaded: upload that file again`,
    );
  }
  const inputs = settings.inputs.map((i) => findColumn(table, i.column));
  const targets = settings.targets.map((t) => findColumn(table, t.column));
  const { trainRows, valRows, dropped } = splitRows(table, spec, inputs, targets);
  const report: CsvReport = {
    rows: table.rows,
    dropped,
    imputed: 0,
    train: trainRows.length,
    val: valRows.length,
    scaling: [],
  };
  const inputEncoders = settings.inputs.map((input, i) =>
    inputEncoder(input, inputs[i]!, trainRows, report),
  );
  const targetEncoders = settings.targets.map((t, i) => ({
    column: t.column,
    encode: targetEncoder(t, targets[i]!, table, trainRows, report),
  }));
  const split = (rows: Int32Array) => encodeSplit(rows, inputEncoders, targetEncoders, report);
  return {
    dataset: {
      name: settings.file,
      input: { kind: 'features', size: csvInputWidth(settings) },
      targets: csvTargets(settings),
      train: split(trainRows),
      val: split(valRows),
    },
    report,
  };
}
