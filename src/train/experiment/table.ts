import type { Stat } from './statistics';
import type { ExperimentSummary } from './summary';

/** Significant digits of a table cell: enough to tell methods apart, few enough to read. */
const DIGITS = 4;

const num = (x: number): string =>
  Number.isFinite(x) ? String(Number(x.toPrecision(DIGITS))) : '';

/** "0.9123 ± 0.0041", or an en dash when there is nothing to show. */
export const meanStd = (s: Stat | null): string => (s ? `${num(s.mean)} ± ${num(s.std)}` : '–');

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The results table as CSV: one row per method, mean and std in their own columns. */
export function summaryCsv(summary: ExperimentSummary): string {
  const head = [
    'method',
    'runs',
    'diverged',
    ...summary.tasks.flatMap((t) => [
      `${t.name} ${t.metric} mean`,
      `${t.name} ${t.metric} std`,
      `${t.name} loss mean`,
      `${t.name} loss std`,
    ]),
    'delta_m_percent mean',
    'delta_m_percent std',
    'mean rank',
    'seconds per run',
  ];
  const pair = (s: Stat | null) => (s ? [num(s.mean), num(s.std)] : ['', '']);
  const rows = summary.rows.map((r) => [
    r.label,
    String(r.runs),
    String(r.diverged),
    ...summary.tasks.flatMap((_, i) => [...pair(r.metric[i]!), ...pair(r.loss[i]!)]),
    ...pair(r.deltaM),
    r.rank === null ? '' : num(r.rank),
    r.seconds ? num(r.seconds.mean) : '',
  ]);
  return [head, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** The results table in Markdown, best of each column in bold, ready for a paper or a README. */
export function summaryMarkdown(summary: ExperimentSummary): string {
  const bold = (text: string, best: boolean) => (best && text !== '–' ? `**${text}**` : text);
  const head = [
    'Method',
    ...summary.tasks.map((t) => `${t.name} (${t.metric})`),
    'Δm %',
    'Mean rank',
    'Runs',
  ];
  const rows = summary.rows.map((r, k) => [
    r.label,
    ...summary.tasks.map((_, i) => bold(meanStd(r.metric[i]!), summary.best.metric[i] === k)),
    bold(meanStd(r.deltaM), summary.best.deltaM === k),
    bold(r.rank === null ? '–' : num(r.rank), summary.best.rank === k),
    r.diverged ? `${r.runs} (${r.diverged} diverged)` : String(r.runs),
  ]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}
