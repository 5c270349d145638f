/**
 * Exponential moving average as TensorBoard draws it: sₜ = w·sₜ₋₁ + (1 − w)·xₜ, divided by
 * 1 − wᵗ so the first points are not pulled towards zero. w = 0 leaves the values as they are.
 */
export function emaSmooth(values: ArrayLike<number>, weight: number): number[] {
  if (weight <= 0) return Array.from(values);
  let last = 0;
  let debias = 1;
  return Array.from(values, (v) => {
    last = weight * last + (1 - weight) * v;
    debias *= weight;
    return last / (1 - debias);
  });
}
