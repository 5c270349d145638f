import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CsvDataSettings, DataSpec } from '../../spec/types';
import { buildCsvDataset } from './csvDataset';
import { summarizeTable, targetFor, type CsvSummary } from './csvSummary';
import type { CsvTable } from './csvTable';
import { readCsvFile } from './readCsvFile';
import { CsvTokenizer, detectDelimiter, parseCsvText } from './tokenizer';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const read = (text: string | Uint8Array<ArrayBuffer>, name = 'test.csv') =>
  readCsvFile(new Blob([text]), name);
const error = async (text: string | Uint8Array<ArrayBuffer>): Promise<string> => {
  try {
    await read(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('CSV tokenizer', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const rows = parseCsvText('a,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",\n', ',');
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = new TextDecoder().decode(fixture('housing-semicolon.csv'));
    const whole = parseCsvText(text, ';');
    for (const size of [1, 2, 3, 7, 64]) {
      const rows: string[][] = [];
      const t = new CsvTokenizer(';', (f) => rows.push(f));
      for (let i = 0; i < text.length; i += size) t.push(text.slice(i, i + size));
      t.end();
      expect(rows, `chunks of ${size}`).toEqual(whole);
    }
  });

  it('detects comma, semicolon, tab and pipe, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('a,b\n1,2\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2')).toBe('|');
  });
});

describe('reading a CSV file', () => {
  it('reads a real-world export: header, NA values, quoted comments with commas', async () => {
    const table = await read(fixture('penguins.csv'), 'penguins.csv');
    expect(table.delimiter).toBe(',');
    expect(table.rows).toBe(240);
    const summary = summarizeTable(table);
    const col = (n: string) => summary.columns.find((c) => c.name === n)!;
    expect(col('species')).toMatchObject({ kind: 'categorical', suggested: 'classification' });
    expect(col('species').classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(col('body_mass_g')).toMatchObject({ kind: 'numeric', suggested: 'regression' });
    expect(col('body_mass_g').missing).toBeGreaterThan(0);
    expect(col('year')).toMatchObject({ kind: 'numeric', suggested: 'classification' });
    expect(col('year').classes).toEqual(['2007', '2008', '2009']);
    expect(col('island').input).toMatchObject({
      encoding: 'onehot',
      categories: ['Biscoe', 'Dream', 'Torgersen'],
    });
    expect(col('comments').missing).toBeGreaterThan(100); // mostly empty
    expect(col('comments').classes).toContain(
      'Nest never observed with full clutch, "adult" not sexed',
    );
  });

  it('reads a semicolon export with a byte-order mark, CRLF and line breaks inside quotes', async () => {
    const table = await read(fixture('housing-semicolon.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.columns.map((c) => c.name)).toEqual([
      'id',
      'address',
      'rooms',
      'area_m2',
      'price_keur',
      'has_garden',
    ]);
    expect(table.rows).toBe(40);
    const address = summarizeTable(table).columns[1]!;
    expect(address.kind).toBe('categorical');
    expect(address.classes).toContain('Old Mill Lane\nCottage 2');
    expect(address.classes).toContain('The "Blue" House');
    expect(table.columns[3]!.missing).toBe(4); // every ninth area is empty
    // Lines count the line breaks inside quotes: the preview row after a two-line address starts later.
    expect(table.lines[table.rows - 1]).toBeGreaterThan(41);
  });

  it('refuses bad files with what is wrong and where', async () => {
    expect(await error('')).toMatch(/empty/);
    expect(await error('1,2,3\n4,5,6\n')).toMatch(/first line is data.*not a header/);
    expect(await error('price\n1\n2\n')).toMatch(/single column \('price'\)/);
    expect(await error('a,b,c\n1,2,3\n4,5\n6,7,8\n')).toMatch(
      /Line 3 has 2 fields but the header has 3/,
    );
    expect(await error('a,b\n')).toMatch(/no data rows/);
    expect(await error('a,b\n1,"open\n')).toMatch(/Line 2: a quoted field is never closed/);
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256;
    expect(await error(garbage)).toMatch(/not a text file.*zero byte at byte 1/);
    const latin = new Uint8Array(200).fill(0xe9);
    expect(await error(latin)).toMatch(/not a UTF-8 text file/);
  });

  it('accepts trailing delimiters and skips blank lines', async () => {
    const table = await read('a,b,\n1,2,\n\n3,4,,\n');
    expect(table.rows).toBe(2);
    expect(table.columns.length).toBe(3); // the third column is unnamed and empty
    expect(table.columns[2]!.name).toBe('column_3');
  });

  it('fingerprints content, not the file name', async () => {
    const a = await read('x,y\n1,2\n', 'a.csv');
    const b = await read('x,y\n1,2\n', 'b.csv');
    const c = await read('x,y\n1,3\n', 'a.csv');
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(c.fingerprint);
  });
});

function settingsFor(
  summary: CsvSummary,
  inputs: string[],
  targets: [string, 'classification' | 'regression'][],
  missing: CsvDataSettings['missing'] = 'drop',
): DataSpec {
  const col = (n: string) => summary.columns.find((c) => c.name === n)!;
  const csv: CsvDataSettings = {
    file: summary.file,
    fingerprint: summary.fingerprint,
    rows: summary.rows,
    inputs: inputs.map((n) => {
      const input = col(n).input;
      if ('problem' in input) throw new Error(input.problem);
      return input;
    }),
    targets: targets.map(([n, kind]) => {
      const t = targetFor(col(n), kind);
      if ('problem' in t) throw new Error(t.problem);
      return t;
    }),
    missing,
  };
  return { kind: 'csv', size: summary.rows, noise: 0, valFraction: 0.25, seed: 3, csv };
}

describe('building a dataset from CSV columns', () => {
  const table = (text: string): Promise<CsvTable> => read(text);

  it('standardizes numeric inputs and regression targets with training statistics only', async () => {
    // x grows fast, so statistics over all rows would differ clearly from the training rows'.
    const lines = ['id,x,y'];
    for (let i = 0; i < 30; i++) lines.push(`r${i},${i * i},${3 * i + 1}`);
    const t = await table(lines.join('\n'));
    const spec = settingsFor(summarizeTable(t), ['id', 'x'], [['y', 'regression']]);
    const { dataset, report } = buildCsvDataset(t, spec);
    expect(report).toMatchObject({ rows: 30, dropped: 0, train: 22, val: 8 });
    // The one-hot id (never standardized) tells which rows went to training.
    const categories = (spec.csv!.inputs[0] as { categories: string[] }).categories;
    const width = categories.length + 1;
    const trainRows = Array.from({ length: dataset.train.size }, (_, r) => {
      const onehot = dataset.train.x.subarray(r * width, r * width + categories.length);
      return Number(categories[onehot.indexOf(1)]!.slice(1));
    });
    const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sdOf = (xs: number[]) => {
      const m = meanOf(xs);
      return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
    };
    const rawX = trainRows.map((i) => i * i);
    const rawY = trainRows.map((i) => 3 * i + 1);
    const scale = (column: string) => report.scaling.find((s) => s.column === column)!;
    expect(scale('x').mean).toBeCloseTo(meanOf(rawX), 6);
    expect(scale('x').sd).toBeCloseTo(sdOf(rawX), 6);
    expect(scale('y').mean).toBeCloseTo(meanOf(rawY), 6);
    const allX = Array.from({ length: 30 }, (_, i) => i * i);
    expect(Math.abs(scale('x').mean - meanOf(allX))).toBeGreaterThan(1e-3);
    // Each value is standardized with those statistics, validation rows included.
    trainRows.forEach((i, r) => {
      expect(dataset.train.x[r * width + categories.length]).toBeCloseTo(
        (i * i - scale('x').mean) / scale('x').sd,
        4,
      );
      expect(dataset.train.targets.y![r]).toBeCloseTo(
        (3 * i + 1 - scale('y').mean) / scale('y').sd,
        4,
      );
    });
  });

  it('one-hot encodes categories and maps classes, with both missing-value policies', async () => {
    const t = await table(
      'colour,size,label\nred,1,a\nblue,NA,b\nred,3,a\n,4,b\ngreen,5,\nblue,6,a\nred,7,b\nred,8,a\n' +
        'blue,9,b\nred,10,a\nblue,11,b\nred,12,a\n',
    );
    const summary = summarizeTable(t);
    const dropped = buildCsvDataset(
      t,
      settingsFor(summary, ['colour', 'size'], [['label', 'classification']]),
    );
    expect(dropped.report).toMatchObject({ rows: 12, dropped: 3, imputed: 0 });
    expect(dropped.dataset.input).toEqual({ kind: 'features', size: 4 }); // blue, green, red + size
    const imputed = buildCsvDataset(
      t,
      settingsFor(summary, ['colour', 'size'], [['label', 'classification']], 'impute'),
    );
    expect(imputed.report).toMatchObject({ dropped: 1, imputed: 2 }); // the row without a label stays out
    const all = [imputed.dataset.train, imputed.dataset.val];
    for (const split of all) {
      for (let r = 0; r < split.size; r++) {
        const onehot = Array.from(split.x.subarray(r * 4, r * 4 + 3));
        expect(onehot.reduce((a, b) => a + b, 0)).toBe(1); // imputed colour is the most frequent
        expect([0, 1]).toContain(split.targets.label![r]);
      }
    }
  });

  it('standardizes values near the float64 limit without overflow, and reads past it as text (found by the random-CSV property)', async () => {
    const huge = await table(
      'x,y\n0,0\n0,0\n2e293,0\n1.7976931348623157e308,5e-324\n-1.7e308,1\n3,2\n',
    );
    const spec = settingsFor(summarizeTable(huge), ['x'], [['y', 'regression']]);
    const { dataset, report } = buildCsvDataset(huge, spec);
    expect(report.scaling.every((c) => Number.isFinite(c.mean))).toBe(true);
    for (const split of [dataset.train, dataset.val]) {
      expect([...split.x].every(Number.isFinite)).toBe(true);
      expect([...split.targets.y!].every(Number.isFinite)).toBe(true);
    }
    const beyond = summarizeTable(await table('x,y\n1,2\n1e400,3\n'));
    expect(beyond.columns[0]).toMatchObject({ kind: 'categorical', regression: false });
  });

  it('says what is wrong with a target of one class, an empty split or a text input', async () => {
    const t = await table('x,kind,city\n1,a,Paris\n2,a,Rome\n3,a,Oslo\n4,a,Bern\n');
    const summary = summarizeTable(t);
    expect(targetFor(summary.columns[1]!, 'classification')).toEqual({
      problem:
        "'kind' cannot be a classification target: it has a single value ('a'): nothing to predict",
    });
    const spec = settingsFor(summary, ['x'], []);
    spec.csv!.targets = [{ column: 'kind', kind: 'classification', classes: ['a', 'b'] }];
    expect(() => buildCsvDataset(t, spec)).toThrow(/single class \('a'\) in the 3 training rows/);
    spec.csv!.inputs = [{ column: 'city', encoding: 'numeric' }];
    expect(() => buildCsvDataset(t, spec)).toThrow(
      /Column 'city' is not numeric \(line 2: 'Paris'\)/,
    );

    const sparse = await table('x,y\nNA,1\n2,NA\nNA,3\n');
    const none = settingsFor(summarizeTable(sparse), ['x'], [['y', 'regression']]);
    expect(() => buildCsvDataset(sparse, none)).toThrow(
      /No rows are left for training: 3 of 3 rows/,
    );
  });

  it('refuses a table other than the one the design was made from', async () => {
    const a = await table('x,y\n1,2\n3,4\n5,6\n7,8\n');
    const b = await table('x,y\n1,2\n3,4\n5,6\n7,9\n');
    const spec = settingsFor(summarizeTable(a), ['x'], [['y', 'regression']]);
    expect(() => buildCsvDataset(b, spec)).toThrow(
      /another version of 'test.csv'.*upload that file again/,
    );
  });

  it('shuffles reproducibly by seed', async () => {
    const t = await read(fixture('penguins.csv'));
    const spec = settingsFor(
      summarizeTable(t),
      ['bill_length_mm', 'island'],
      [['species', 'classification']],
    );
    const a = buildCsvDataset(t, spec).dataset;
    const b = buildCsvDataset(t, spec).dataset;
    const c = buildCsvDataset(t, { ...spec, seed: 4 }).dataset;
    expect(a.train.x).toEqual(b.train.x);
    expect(a.train.x).not.toEqual(c.train.x);
  });
});
