/**
 * A labelled menu on one line. `name` is its accessible name when it must differ from the
 * visible label (tests and screen readers tell menus apart by it); option values stay as given.
 */
export function InlineSelect<T extends string | number>({
  label,
  name = label,
  value,
  options,
  onChange,
}: {
  label: string;
  name?: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}) {
  return (
    <label className="field inline">
      <span>{label}</span>
      <select
        aria-label={name}
        value={String(value)}
        onChange={(e) => {
          const picked = options.find((o) => String(o.value) === e.target.value);
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
