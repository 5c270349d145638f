/**
 * Adam (Kingma & Ba) on a short vector of plain numbers, for the few parameters a strategy learns
 * on the host (FAMO's logits on the toy, GradNorm's logits) and for the toy's own point.
 */
export class HostAdam {
  private readonly m: number[];
  private readonly v: number[];
  private t = 0;

  constructor(
    size: number,
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-8,
  ) {
    this.m = Array.from({ length: size }, () => 0);
    this.v = Array.from({ length: size }, () => 0);
  }

  /** Moves `params` in place against `grad`, with bias-corrected moments. */
  step(params: number[], grad: readonly number[]): void {
    const t = ++this.t;
    grad.forEach((g, k) => {
      this.m[k] = this.beta1 * this.m[k]! + (1 - this.beta1) * g;
      this.v[k] = this.beta2 * this.v[k]! + (1 - this.beta2) * g * g;
      const mHat = this.m[k]! / (1 - this.beta1 ** t);
      const vHat = this.v[k]! / (1 - this.beta2 ** t);
      params[k]! -= (this.learningRate * mHat) / (Math.sqrt(vHat) + this.epsilon);
    });
  }
}
