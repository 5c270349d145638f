/** Pure helpers of the benchmark driver: statistics, step counts and the Markdown tables. */

export const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Steps that take about `targetMs` at the calibrated speed, within [min, max]. */
export function stepsFor(msPerStep: number, targetMs: number, min = 4, max = 500): number {
  if (!Number.isFinite(msPerStep) || msPerStep <= 0) return max;
  return Math.max(min, Math.min(max, Math.round(targetMs / msPerStep)));
}

/** A ratio with two decimals, and a mark when it misses its target. */
export function ratio(value: number, target: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${value.toFixed(2)}${value >= target ? '' : ' ✗'}`;
}

const rate = (x: number): string =>
  !Number.isFinite(x) ? '–' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);

/** One backend × workload line of the speed table: median samples/s of each mode. */
export interface SpeedRow {
  backend: string;
  workload: string;
  steps: number;
  app: number;
  stream: number;
  bare: number;
  fit: number;
  /** PyTorch on the CPU, same workload, alternating with the app (NaN: not measured). */
  pytorch: number;
  /** Why the row was not measured. */
  skipped?: string;
}

/** What the app should reach of PyTorch's CPU speed on each workload. */
export const PYTORCH_TARGETS: Record<string, number> = { small: 0.3, wide: 0.3, cnn: 0.1 };

export function speedTable(rows: SpeedRow[]): string {
  const lines = [
    '| backend | workload | steps | app | app, no validation | bare minimize | model.fit | PyTorch CPU | app / bare (≥ 0.95) | no validation / bare (≥ 0.95) | app / fit (≥ 1.25) | app / PyTorch (≥ small 0.3, wide 0.3, cnn 0.1) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    if (r.skipped) {
      lines.push(
        `| ${r.backend} | ${r.workload} | – | – | – | – | – | – | – | – | – | skipped: ${r.skipped} |`,
      );
      continue;
    }
    const target = PYTORCH_TARGETS[r.workload] ?? 0;
    lines.push(
      `| ${r.backend} | ${r.workload} | ${r.steps} | ${rate(r.app)} | ${rate(r.stream)} | ${rate(r.bare)} | ${rate(r.fit)} | ${rate(r.pytorch)} | ${ratio(r.app / r.bare, 0.95)} | ${ratio(r.stream / r.bare, 0.95)} | ${ratio(r.app / r.fit, 1.25)} | ${ratio(r.app / r.pytorch, target)} |`,
    );
  }
  return lines.join('\n');
}

/** Median ms per step of each strategy on one backend, and its ratio to Equal. */
export interface StrategyRow {
  backend: string;
  tasks: number;
  msPerStep: Record<string, number>;
}

/** The target for a strategy's step time relative to Equal with T tasks (issue 7). */
export function strategyTarget(strategy: string, tasks: number): number {
  if (strategy === 'mgda' || strategy === 'gradnorm') return 1.5;
  if (strategy === 'pcgrad' || strategy === 'cagrad') return tasks + 0.5;
  return Infinity;
}

export function strategyTable(rows: StrategyRow[], strategies: readonly string[]): string {
  const lines = [
    `| strategy | ${rows.map((r) => `${r.backend} ms/step | × Equal`).join(' | ')} |`,
    `| --- | ${rows.map(() => '---: | ---:').join(' | ')} |`,
  ];
  for (const s of strategies) {
    const cells = rows.map((r) => {
      const ms = r.msPerStep[s] ?? NaN;
      const equal = r.msPerStep.equal ?? NaN;
      const target = strategyTarget(s, r.tasks);
      const times = ms / equal;
      const mark = Number.isFinite(times) && times > target ? ' ✗' : '';
      return `${Number.isFinite(ms) ? ms.toFixed(1) : '–'} | ${Number.isFinite(times) ? times.toFixed(2) : '–'}${mark}`;
    });
    lines.push(`| ${s} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Replaces the text between a benchmark's markers (or appends it) in a Markdown document. */
export function replaceSection(doc: string, section: string, name = 'bench'): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${section.trim()}\n${end}`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, from) + block + doc.slice(to + end.length);
}
