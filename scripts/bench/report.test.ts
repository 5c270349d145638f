import { describe, expect, it } from 'vitest';
import { median, ratio, replaceSection, speedTable, stepsFor, strategyTable } from './report';

describe('benchmark report', () => {
  it('takes the median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('sizes a measurement by the calibrated step time, within bounds', () => {
    expect(stepsFor(10, 1000)).toBe(100);
    expect(stepsFor(1000, 1000)).toBe(4);
    expect(stepsFor(0.01, 1000)).toBe(500);
  });

  it('marks ratios that miss their targets', () => {
    expect(ratio(0.97, 0.95)).toBe('0.97');
    expect(ratio(0.9, 0.95)).toBe('0.90 ✗');
    expect(ratio(NaN, 1)).toBe('–');
  });

  it('writes one table line per measured or skipped row', () => {
    const table = speedTable([
      {
        backend: 'cpu',
        workload: 'small',
        steps: 100,
        app: 1000,
        stream: 1100,
        bare: 1100,
        fit: 500,
        pytorch: 2500,
      },
      {
        backend: 'wasm',
        workload: 'cnn',
        steps: 0,
        app: 0,
        stream: 0,
        bare: 0,
        fit: 0,
        pytorch: NaN,
        skipped: 'no Conv2D',
      },
    ]);
    expect(table).toContain(
      '| cpu | small | 100 | 1,000 | 1,100 | 1,100 | 500 | 2,500 | 0.91 ✗ | 1.00 | 2.00 | 0.40 |',
    );
    expect(table).toContain('skipped: no Conv2D');
  });

  it('judges gradient strategies against their targets relative to Equal', () => {
    const table = strategyTable(
      [{ backend: 'cpu', tasks: 3, msPerStep: { equal: 10, mgda: 16, pcgrad: 30 } }],
      ['equal', 'mgda', 'pcgrad'],
    );
    expect(table).toContain('| mgda | 16.0 | 1.60 ✗ |');
    expect(table).toContain('| pcgrad | 30.0 | 3.00 |');
  });

  it('replaces only the generated section of a document', () => {
    const doc = 'intro\n<!-- bench:start -->\nold\n<!-- bench:end -->\noutro\n';
    expect(replaceSection(doc, 'new')).toBe(
      'intro\n<!-- bench:start -->\nnew\n<!-- bench:end -->\noutro\n',
    );
    expect(replaceSection('intro', 'new')).toContain('intro\n\n<!-- bench:start -->\nnew');
  });
});
