import { useState } from 'react';

interface Props {
  label: string;
  value: number;
  onValue(value: number): void;
  min?: number;
  max?: number;
  step?: number | 'any';
  disabled?: boolean;
}

/**
 * A labelled spinbutton that lets the person type freely ("0.", "") and hands the parsed number
 * (NaN when not a number) to the store, whose validation explains what is wrong.
 */
export function NumberField({ label, value, onValue, min, max, step = 'any', disabled }: Props) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // Follow outside changes of the value without clobbering what is being typed.
  if (value !== shown && !(Number.isNaN(value) && Number.isNaN(shown))) {
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        aria-label={label}
        value={text}
        min={min}
        max={max}
        step={step}
        disabled={disabled}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          const parsed = raw.trim() === '' ? Number.NaN : Number(raw);
          setShown(parsed);
          onValue(parsed);
        }}
      />
    </label>
  );
}
