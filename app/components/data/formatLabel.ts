import type { DataPreview } from '../../../src/data/preview';

/** Example i's label for a target: a class index, or a value to two decimals. */
export function formatLabel(preview: DataPreview, target: string, i: number): string {
  const value = preview.labels[target]?.[i];
  if (value === undefined) return '—';
  return preview.targets[target]?.kind === 'classification' ? String(value) : value.toFixed(2);
}
