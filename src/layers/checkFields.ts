import type { Field } from './layerDef';
import { findLayerDef, type LayerSpec } from './registry';

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Why one field's value is not sensible, or null when it is. */
function fieldProblem(layerLabel: string, field: Field<LayerSpec>, value: unknown): string | null {
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  switch (field.kind) {
    case 'int':
      return isInt(value) && value >= field.min && value <= field.max
        ? null
        : `${layerLabel} needs ${field.min} to ${field.max} ${field.noun}, got ${shown}`;
    case 'number': {
      const below = field.maxExcluded
        ? (x: number) => x < field.max
        : (x: number) => x <= field.max;
      const range = field.maxExcluded
        ? `in [${field.min}, ${field.max})`
        : `from ${field.min} to ${field.max}`;
      return isFiniteNumber(value) && value >= field.min && below(value)
        ? null
        : `${field.label} must be ${range}, got ${shown}`;
    }
    case 'choice':
      return field.options.includes(value as string)
        ? null
        : `${field.label} must be one of ${field.options.map((o) => `'${o}'`).join(', ')}, got ${shown}`;
    case 'flag':
      return typeof value === 'boolean' ? null : `${field.label} must be on or off, got ${shown}`;
  }
}

/** What is wrong with one layer's own parameters (its shape is checked by shape inference). */
export function layerProblems(layer: LayerSpec): string[] {
  const def = findLayerDef(layer.type);
  if (!def) return [`unknown layer type '${String(layer.type)}'`];
  const values = layer as unknown as Record<string, unknown>;
  return def.fields.flatMap((f) => fieldProblem(def.label, f, values[f.key]) ?? []);
}
