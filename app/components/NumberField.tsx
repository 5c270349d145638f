import { useState } from 'react';

interface Props {
  label: string;
  value: number;
  onValue(value: number): void;
  min?: number;
  max?: number;
  step?: number | 'any';
  disabled?: boolean;
  /** Shows only the input (in a table whose header says what it is); the label stays for assistive technology and tests. */
  bare?: boolean;
}

/**
 * A labelled spinbutton that lets the person type freely ("0.", "") and hands the parsed number
 * (NaN when not a number) to the store, whose validation explains what is wrong.
 */
export function NumberField({
  label,
  value,
  onValue,
  min,
  max,
  step = 'any',
  disabled,
  bare,
}: Props) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // Follow outside changes of the value without clobbering what is being typed.
  if (value !== shown && !(Number.isNaN(value) && Number.isNaN(shown))) {
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  return (
    <label className={bare ? 'field bare' : 'field'}>
      <span className={bare ? 'visually-hidden' : undefined}>{label}</span>
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
