import type { LayerShape } from '../../src/spec/shapes';
import {
  ACTIVATIONS,
  LAYER_TYPES,
  type Activation,
  type LayerSpec,
  type LayerType,
} from '../../src/spec/types';
import { newLayer } from '../store/designEdits';
import { NumberField } from './NumberField';

interface Props {
  layer: LayerSpec;
  shape: LayerShape | undefined;
  disabled: boolean;
  onChange(layer: LayerSpec): void;
  onRemove(): void;
}

const TYPE_LABELS: Record<LayerType, string> = { dense: 'Dense', dropout: 'Dropout' };

/** One layer: its type, its parameters, and what it outputs. */
export function LayerRow({ layer, shape, disabled, onChange, onRemove }: Props) {
  return (
    <li className="layer-row">
      <select
        aria-label="Layer type"
        value={layer.type}
        disabled={disabled}
        onChange={(e) => onChange(newLayer(e.target.value as LayerType))}
      >
        {LAYER_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      {layer.type === 'dense' ? (
        <>
          <NumberField
            label="Units"
            value={layer.units}
            min={1}
            step={1}
            disabled={disabled}
            onValue={(units) => onChange({ ...layer, units })}
          />
          <label className="field">
            <span>Activation</span>
            <select
              aria-label="Activation"
              value={layer.activation}
              disabled={disabled}
              onChange={(e) => onChange({ ...layer, activation: e.target.value as Activation })}
            >
              {ACTIVATIONS.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
        </>
      ) : (
        <NumberField
          label="Dropout rate"
          value={layer.rate}
          min={0}
          max={0.95}
          step={0.05}
          disabled={disabled}
          onValue={(rate) => onChange({ ...layer, rate })}
        />
      )}
      <span className="shape" title="output width · trainable parameters">
        {shape ? `→ ${shape.outputDim} · ${shape.params.toLocaleString('en-US')} params` : ''}
      </span>
      <button
        type="button"
        className="icon"
        aria-label="Remove layer"
        title="Remove layer"
        disabled={disabled}
        onClick={onRemove}
      >
        ✕
      </button>
    </li>
  );
}
