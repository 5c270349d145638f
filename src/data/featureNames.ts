import type { DataSpec } from '../spec/types';

/** One input as a person names it, and the model's input columns that encode it. */
export interface FeatureGroup {
  name: string;
  columns: number[];
}

/**
 * The inputs of a features design, named: a CSV's columns (a one-hot column's categories summed
 * into one), the 2-D points' x₁ and x₂, and x1 … xd for the generated tables.
 */
export function featureGroups(data: DataSpec, width: number): FeatureGroup[] {
  if (data.kind === 'csv' && data.csv) {
    let at = 0;
    return data.csv.inputs.map((input) => {
      const size = input.encoding === 'numeric' ? 1 : input.categories.length;
      const columns = Array.from({ length: size }, (_, i) => at + i);
      at += size;
      return { name: input.column, columns };
    });
  }
  if (data.kind === 'toy2d') return [0, 1].map((i) => ({ name: `x${'₁₂'[i]}`, columns: [i] }));
  return Array.from({ length: width }, (_, i) => ({ name: `x${i + 1}`, columns: [i] }));
}
