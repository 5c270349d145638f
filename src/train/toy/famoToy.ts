import { HostAdam } from '../weighting/hostAdam';

/**
 * FAMO on plain numbers, for the two-objective toy (the same rule as weighting/famo.ts, which
 * keeps everything on the device). The toy's losses reach −20, so they are measured from there:
 * log(Lᵢ − Lᵢ*) needs Lᵢ > Lᵢ*.
 */
export const TOY_MIN_LOSS = -20;
const FLOOR = 1e-8;

export class FamoLogits {
  private readonly logits: number[];
  private readonly adam: HostAdam;
  private before: number[] | null = null;

  constructor(
    tasks: number,
    beta = 0.025,
    private readonly gamma = 0.01,
    private readonly minLoss = TOY_MIN_LOSS,
  ) {
    this.logits = Array.from({ length: tasks }, () => 0);
    this.adam = new HostAdam(tasks, beta);
  }

  /** z = softmax(ξ). */
  weights(): number[] {
    const max = Math.max(...this.logits);
    const e = this.logits.map((x) => Math.exp(x - max));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / sum);
  }

  /** The step's coefficients on the task gradients, zᵢ/(c·ℓᵢ) with ℓᵢ = Lᵢ − Lᵢ*; remembers ℓ. */
  coefficients(losses: number[]): number[] {
    const shifted = losses.map((l) => l - this.minLoss + FLOOR);
    this.before = shifted;
    const z = this.weights();
    const c = z.reduce((s, zi, i) => s + zi / shifted[i]!, 0);
    return z.map((zi, i) => zi / (c * shifted[i]!));
  }

  /** After the step: δᵢ = log ℓᵢ(before) − log ℓᵢ(after), one Adam step on ξ along ∇_ξ(zᵀδ) + γξ. */
  update(lossesAfter: number[]): void {
    if (!this.before) return;
    const before = this.before;
    const delta = lossesAfter.map(
      (l, i) => Math.log(before[i]!) - Math.log(l - this.minLoss + FLOOR),
    );
    const z = this.weights();
    const zDelta = z.reduce((s, zi, i) => s + zi * delta[i]!, 0);
    // ∂(zᵀδ)/∂ξₖ = zₖ(δₖ − zᵀδ)
    const grad = z.map((zk, k) => zk * (delta[k]! - zDelta) + this.gamma * this.logits[k]!);
    this.adam.step(this.logits, grad);
    this.before = null;
  }
}
