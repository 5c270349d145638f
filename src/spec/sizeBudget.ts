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
  /** The layer with the most weights, and the one with the largest output per example (as the builder names them). */
  largestParams: { name: string; params: number } | null;
  largestActivation: { name: string; values: number } | null;
}

const size = (l: LayerShape): number => (l.shape ?? []).reduce((a, b) => a * b, 1);

/** Estimates parameters and activation memory for one training batch, from the inferred shapes. */
export function estimateSize(shapes: ModelShapes, batchSize: number): SizeEstimate {
  // Named as the builder shows them, so the message points at something the person can find.
  const shared = shapes.passes > 1 ? 'Encoder copy layer' : 'Shared layer';
  const layers: (LayerShape & { label: string })[] = [
    ...shapes.encoder.flatMap((l, i) =>
      Array.from({ length: shapes.passes }, () => ({ ...l, label: `${shared} ${i + 1}` })),
    ),
    ...shapes.sharedBlocks.map((b) => ({ ...b, label: b.label })),
    ...shapes.tasks.flatMap((t) => [
      ...t.blocks.map((b) => ({ ...b, label: `task '${t.name}' ${b.label}` })),
      ...t.head.map((l, i) => ({ ...l, label: `task '${t.name}' head layer ${i + 1}` })),
      { ...t.output, label: `task '${t.name}' output` },
    ]),
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
    largestParams: byParams ? { name: byParams.label, params: byParams.params } : null,
    largestActivation: byActivation
      ? { name: byActivation.label, values: size(byActivation) }
      : null,
  };
}

const formatBytes = (b: number): string =>
  // Rounded up to two decimals: a need just over the limit must not read as equal to it.
  b >= 1024 ** 3
    ? `${Math.ceil((b / 1024 ** 3) * 100) / 100} GB`
    : `${Math.ceil(b / 1024 ** 2)} MB`;
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
