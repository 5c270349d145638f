/** TensorBoard's smoothing weight for a chart's curves: 0 (raw) to 0.99, with its value shown. */
export function SmoothingSlider({
  value,
  onChange,
}: {
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label
      className="field inline"
      title="Exponential moving average of the curves, as in TensorBoard (0: the raw values)"
    >
      <span>Smoothing</span>
      <input
        type="range"
        aria-label="Smoothing"
        min={0}
        max={0.99}
        step={0.01}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output>{value.toFixed(2)}</output>
    </label>
  );
}
