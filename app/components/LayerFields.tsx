import { ACTIVATIONS, type Activation, type LayerSpec } from '../../src/spec/types';
import { NumberField } from './NumberField';

interface Props {
  layer: LayerSpec;
  disabled: boolean;
  onChange(layer: LayerSpec): void;
}

function ActivationField({
  value,
  disabled,
  onChange,
}: {
  value: Activation;
  disabled: boolean;
  onChange(a: Activation): void;
}) {
  return (
    <label className="field">
      <span>Activation</span>
      <select
        aria-label="Activation"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as Activation)}
      >
        {ACTIVATIONS.map((a) => (
          <option key={a}>{a}</option>
        ))}
      </select>
    </label>
  );
}

/** The parameters of one layer, with Keras's names. */
export function LayerFields({ layer, disabled, onChange }: Props) {
  const number = (
    label: string,
    value: number,
    apply: (n: number) => LayerSpec,
    step: number | 'any' = 1,
    min = 1,
  ) => (
    <NumberField
      label={label}
      value={value}
      min={min}
      step={step}
      disabled={disabled}
      onValue={(n) => onChange(apply(n))}
    />
  );
  switch (layer.type) {
    case 'dense':
      return (
        <>
          {number('Units', layer.units, (units) => ({ ...layer, units }))}
          <ActivationField
            value={layer.activation}
            disabled={disabled}
            onChange={(activation) => onChange({ ...layer, activation })}
          />
          {number('L2', layer.l2, (l2) => ({ ...layer, l2 }), 0.001, 0)}
        </>
      );
    case 'dropout':
      return number('Dropout rate', layer.rate, (rate) => ({ ...layer, rate }), 0.05, 0);
    case 'conv2d':
      return (
        <>
          {number('Filters', layer.filters, (filters) => ({ ...layer, filters }))}
          {number('Kernel size', layer.kernelSize, (kernelSize) => ({ ...layer, kernelSize }))}
          {number('Strides', layer.strides, (strides) => ({ ...layer, strides }))}
          <label className="field">
            <span>Padding</span>
            <select
              aria-label="Padding"
              value={layer.padding}
              disabled={disabled}
              onChange={(e) => onChange({ ...layer, padding: e.target.value as 'same' | 'valid' })}
            >
              <option>same</option>
              <option>valid</option>
            </select>
          </label>
          <ActivationField
            value={layer.activation}
            disabled={disabled}
            onChange={(activation) => onChange({ ...layer, activation })}
          />
        </>
      );
    case 'maxPool2d':
    case 'avgPool2d':
      return (
        <>
          {number('Pool size', layer.poolSize, (poolSize) => ({ ...layer, poolSize }))}
          {number('Strides', layer.strides, (strides) => ({ ...layer, strides }))}
        </>
      );
    case 'embedding':
      return number('Output dimensions', layer.outputDim, (outputDim) => ({ ...layer, outputDim }));
    case 'lstm':
    case 'gru':
      return (
        <>
          {number('Units', layer.units, (units) => ({ ...layer, units }))}
          <label className="check">
            <input
              type="checkbox"
              checked={layer.returnSequences}
              disabled={disabled}
              onChange={(e) => onChange({ ...layer, returnSequences: e.target.checked })}
            />
            Return sequences
          </label>
        </>
      );
    case 'selfAttention':
      return (
        <>
          {number('Heads', layer.heads, (heads) => ({ ...layer, heads }))}
          {number('Key dimensions', layer.keyDim, (keyDim) => ({ ...layer, keyDim }))}
        </>
      );
    default:
      return <p className="muted">No parameters to set.</p>;
  }
}
