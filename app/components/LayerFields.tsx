import type { Field } from '../../src/layers/layerDef';
import { layerDef } from '../../src/layers/registry';
import type { LayerSpec } from '../../src/spec/types';
import { NumberField } from './NumberField';

interface Props {
  layer: LayerSpec;
  disabled: boolean;
  onChange(layer: LayerSpec): void;
}

/** One parameter's control, named as its layer definition says. */
function FieldControl({
  field,
  value,
  disabled,
  onValue,
}: {
  field: Field<LayerSpec>;
  value: unknown;
  disabled: boolean;
  onValue(value: unknown): void;
}) {
  switch (field.kind) {
    case 'int':
    case 'number':
      return (
        <NumberField
          label={field.label}
          value={value as number}
          min={field.min}
          step={field.kind === 'int' ? 1 : field.step}
          disabled={disabled}
          onValue={onValue}
        />
      );
    case 'choice':
      return (
        <label className="field">
          <span>{field.label}</span>
          <select
            aria-label={field.label}
            value={value as string}
            disabled={disabled}
            onChange={(e) => onValue(e.target.value)}
          >
            {field.options.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
      );
    case 'flag':
      return (
        <label className="check">
          <input
            type="checkbox"
            checked={value as boolean}
            disabled={disabled}
            onChange={(e) => onValue(e.target.checked)}
          />
          {field.label}
        </label>
      );
  }
}

/** The parameters of one layer, with Keras's names, as its layer definition lists them. */
export function LayerFields({ layer, disabled, onChange }: Props) {
  const { fields } = layerDef(layer.type);
  if (fields.length === 0) return <p className="muted">No parameters to set.</p>;
  const values = layer as unknown as Record<string, unknown>;
  return (
    <>
      {fields.map((field) => (
        <FieldControl
          key={field.key}
          field={field}
          value={values[field.key]}
          disabled={disabled}
          onValue={(value) => onChange({ ...layer, [field.key]: value } as LayerSpec)}
        />
      ))}
    </>
  );
}
