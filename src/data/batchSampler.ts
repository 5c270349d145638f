import { createRng, shuffledIndices, type Rng } from './random';

/**
 * Draws mini-batch indices epoch by epoch: each example once per epoch, in a seeded random order.
 * Only the indices travel to the device; the data stays there.
 */
export class BatchSampler {
  private readonly rng: Rng;
  private order: Int32Array;
  private position = 0;

  constructor(
    private readonly size: number,
    seed: number,
  ) {
    this.rng = createRng(seed);
    this.order = shuffledIndices(size, this.rng);
  }

  /** The next `batchSize` indices (capped at the split's size), reshuffling at each epoch's end. */
  next(batchSize: number): Int32Array {
    const n = Math.min(batchSize, this.size);
    const batch = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      if (this.position >= this.size) {
        this.order = shuffledIndices(this.size, this.rng);
        this.position = 0;
      }
      batch[i] = this.order[this.position++]!;
    }
    return batch;
  }
}
