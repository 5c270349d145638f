import type { LayerShape, ModelShapes } from './shapes';
import type { Problem } from './types';

/** Most memory a design may need while training: what a browser tab can reliably get. */
export const MEMORY_BUDGET_BYTES = 1024 ** 3;

const BYTES = 4; // float32
/** Weights, their gradients, and up to two optimizer slots (Adam's moments). */
const COPIES_PER_PARAM = 4;
/**
 * Activations kept for the backward pass plus their gradients; per-task gradient strategies keep
 * a few more, which the factor leaves room for.
 */
const COPIES_PER_ACTIVATION = 3;

/** The estimated training memory of a design and where it goes. */
export interface SizeEstimate {
  params: number;
  paramBytes: number;
  activationBytes: number;
  totalBytes: number;
  /** The layer with the most weights, and the one with the largest output per example. */
  largestParams: { name: string; params: number } | null;
  largestActivation: { name: string; values: number } | null;
}

const size = (l: LayerShape): number => (l.shape ?? []).reduce((a, b) => a * b, 1);

/** Estimates parameters and activation memory for one training batch, from the inferred shapes. */
export function estimateSize(shapes: ModelShapes, batchSize: number, copies: number): SizeEstimate {
  const layers = [
    ...shapes.encoder.flatMap((l) => Array.from({ length: copies }, () => l)),
    ...shapes.tasks.flatMap((t) => [...(t.gate ? [t.gate] : []), ...t.head, t.output]),
  ];
  const perExample = layers.reduce((s, l) => s + size(l), 0);
  const paramBytes = shapes.totalParams * BYTES * COPIES_PER_PARAM;
  const activationBytes = perExample * batchSize * BYTES * COPIES_PER_ACTIVATION;
  const byParams = [...layers].sort((a, b) => b.params - a.params)[0];
  const byActivation = [...layers].sort((a, b) => size(b) - size(a))[0];
  return {
    params: shapes.totalParams,
    paramBytes,
    activationBytes,
    totalBytes: paramBytes + activationBytes,
    largestParams: byParams ? { name: byParams.name, params: byParams.params } : null,
    largestActivation: byActivation
      ? { name: byActivation.name, values: size(byActivation) }
      : null,
  };
}

const formatBytes = (b: number): string =>
  b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(1)} GB` : `${Math.round(b / 1024 ** 2)} MB`;
const formatCount = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : String(n);

/** A problem when the design would need more than the budget, saying how big and what to shrink. */
export function sizeProblem(estimate: SizeEstimate, batchSize: number): Problem | null {
  if (estimate.totalBytes <= MEMORY_BUDGET_BYTES) return null;
  const paramsDominate = estimate.paramBytes >= estimate.activationBytes;
  const shrink = paramsDominate
    ? `shrink ${estimate.largestParams?.name ?? 'the largest layer'} (${formatCount(estimate.largestParams?.params ?? 0)} weights) or use fewer units`
    : `lower the batch size (${batchSize}) or the output of ${estimate.largestActivation?.name ?? 'the largest layer'} (${formatCount(estimate.largestActivation?.values ?? 0)} values per example)`;
  return {
    where: 'size',
    message: `This design needs about ${formatBytes(estimate.totalBytes)} to train (${formatCount(estimate.params)} parameters: ${formatBytes(estimate.paramBytes)} with gradients and optimizer state; activations for batch ${batchSize}: ${formatBytes(estimate.activationBytes)}), over the ${formatBytes(MEMORY_BUDGET_BYTES)} limit: ${shrink}.`,
  };
}
