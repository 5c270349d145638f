import { targetFor, type CsvSummary } from '../data/csv/csvSummary';
import { csvInputWidth } from '../data/csv/csvDataset';
import { TASK_NAME_PATTERN } from '../spec/naming';
import type { Design } from '../spec/serialize';
import type { CsvInput, CsvTarget, LayerSpec, MissingPolicy, TaskSpec } from '../spec/types';

/** What the person chose for a CSV: input columns, target columns with their kind, missing values. */
export interface CsvChoices {
  inputs: string[];
  targets: { column: string; kind: 'classification' | 'regression' }[];
  missing: MissingPolicy;
}

/** The encoder a CSV design starts with: two small dense layers. */
const CSV_ENCODER: LayerSpec[] = [
  { type: 'dense', units: 32, activation: 'relu', l2: 0 },
  { type: 'dense', units: 32, activation: 'relu', l2: 0 },
];

/** A column missing more than this share of its values is not suggested (dropping rows would gut the data). */
const MOSTLY_MISSING = 0.2;

/**
 * A first choice for a fresh file: the last column that can be a target is the target (the usual
 * place of a label), every other usable column an input; columns mostly missing are left out.
 */
export function suggestChoices(summary: CsvSummary): CsvChoices {
  const complete = summary.columns.filter((c) => c.missing <= summary.rows * MOSTLY_MISSING);
  const target = [...complete].reverse().find((c) => c.suggested !== null);
  return {
    inputs: complete.filter((c) => c !== target && !('problem' in c.input)).map((c) => c.name),
    targets: target ? [{ column: target.name, kind: target.suggested! }] : [],
    missing: 'drop',
  };
}

/** The choices a CSV design holds now. */
export function choicesOf(design: Design): CsvChoices {
  const csv = design.data.csv;
  return {
    inputs: csv?.inputs.map((i) => i.column) ?? [],
    targets: csv?.targets.map((t) => ({ column: t.column, kind: t.kind })) ?? [],
    missing: csv?.missing ?? 'drop',
  };
}

/** A task name from a column name: the safe alphabet, a leading letter, unique among `taken`. */
export function taskNameFor(column: string, taken: Set<string>): string {
  let base = column.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^[_-]+|[_-]+$/g, '');
  if (!/^[A-Za-z]/.test(base) || base.startsWith('shared_')) base = base ? `t_${base}` : 'task';
  base = base.slice(0, 28);
  let name = base;
  for (let k = 2; taken.has(name) || !TASK_NAME_PATTERN.test(name); k++) name = `${base}_${k}`;
  taken.add(name);
  return name;
}

function taskFor(target: CsvTarget, existing: TaskSpec | undefined, taken: Set<string>): TaskSpec {
  const classes = target.kind === 'classification' ? target.classes.length : 0;
  const shape: Pick<TaskSpec, 'outputUnits' | 'loss' | 'metric'> =
    target.kind === 'classification'
      ? { outputUnits: classes, loss: 'softmaxCrossEntropy', metric: 'accuracy' }
      : { outputUnits: 1, loss: 'mse', metric: 'mae' };
  if (existing) {
    const sameKind = (existing.metric === 'accuracy') === (target.kind === 'classification');
    taken.add(existing.name);
    return sameKind && existing.outputUnits === shape.outputUnits
      ? existing
      : { ...existing, ...shape };
  }
  return { name: taskNameFor(target.column, taken), target: target.column, head: [], ...shape };
}

/**
 * The design for a CSV and the person's column choices: the model reads the encoded inputs, and
 * each target column is a task named after it. Tasks that already predicted a column keep their
 * head, name and λ; the encoder is kept if it already read a CSV.
 */
export function applyCsvChoices(design: Design, summary: CsvSummary, choices: CsvChoices): Design {
  const column = (name: string) => summary.columns.find((c) => c.name === name);
  const inputs: CsvInput[] = choices.inputs.flatMap((name) => {
    const input = column(name)?.input;
    return input && !('problem' in input) ? [input] : [];
  });
  const targets: CsvTarget[] = choices.targets.flatMap(({ column: name, kind }) => {
    const c = column(name);
    const target = c ? targetFor(c, kind) : null;
    return target && !('problem' in target) ? [target] : [];
  });
  const csv = {
    file: summary.file,
    fingerprint: summary.fingerprint,
    rows: summary.rows,
    inputs,
    targets,
    missing: choices.missing,
  };
  const wasCsv = design.data.kind === 'csv';
  const taken = new Set<string>();
  const previous = (t: CsvTarget) =>
    wasCsv ? design.spec.tasks.find((task) => task.target === t.column) : undefined;
  // Keep existing names first so new tasks do not take them.
  for (const t of targets) {
    const kept = previous(t);
    if (kept) taken.add(kept.name);
  }
  const tasks = targets.map((t) => taskFor(t, previous(t), taken));
  return {
    data: { ...design.data, kind: 'csv', size: summary.rows, noise: 0, csv },
    spec: {
      ...design.spec,
      input: { kind: 'features', size: csvInputWidth(csv) },
      encoder: wasCsv ? design.spec.encoder : CSV_ENCODER,
      tasks,
    },
    config: {
      ...design.config,
      lambdas: Object.fromEntries(tasks.map((t) => [t.name, design.config.lambdas[t.name] ?? 1])),
    },
  };
}
