/**
 * How big a file the app reads, per kind, checked on the file's size before its bytes are read:
 * a 2 GB file picked by mistake gets a message instead of freezing or killing the tab.
 */
export const FILE_LIMITS = {
  /**
   * A design (file, share link, local storage). Real designs are a few kilobytes; a CSV design
   * with a thousand one-hot columns stays under a megabyte.
   */
  designBytes: 4 * 1024 * 1024,
  /** An exported model.json: topology, weight manifest and the design, no weights. */
  modelJsonBytes: 16 * 1024 * 1024,
  /**
   * An exported weights.bin. The size budget (1 GB for weights, gradients and two optimizer
   * slots) caps a trainable model at 256 MB of weights; twice that leaves room for models trained
   * with a larger budget elsewhere while refusing what no tab could hold.
   */
  weightsBytes: 512 * 1024 * 1024,
} as const;

/** Bytes as megabytes with one decimal; `round` = Math.ceil for a size that must read as over a limit. */
export const megabytes = (bytes: number, round: (x: number) => number = Math.round): string =>
  `${(round((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;

/** The refusal for a file over its limit, or null when it fits. */
export function sizeRefusal(name: string, bytes: number, limit: number): string | null {
  // Rounded up: a file just over 4 MB must not read "4.0 MB; files up to 4.0 MB".
  return bytes > limit
    ? `${name} is ${megabytes(bytes, Math.ceil)}; files up to ${megabytes(limit)} can be read here`
    : null;
}
