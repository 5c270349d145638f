import type { Rng } from '../../data/random';
import { shuffledIndices } from '../../data/random';
import type { GramWeighting } from './types';

/**
 * GradVac (Wang et al., ICLR 2021, "Gradient Vaccine"): PCGrad's projection generalized to a
 * target similarity. Each pair of tasks keeps φ̂ᵢⱼ, an exponential moving average (rate β) of
 * their gradients' cosine. For each task i, over the others j in random order: if the cosine φ
 * of the (already adjusted) gᵢ with gⱼ is below φ̂ᵢⱼ, gᵢ gains the multiple of gⱼ that lifts the
 * cosine exactly to φ̂ᵢⱼ, ‖gᵢ‖(φ̂√(1−φ²) − φ√(1−φ̂²)) / (‖gⱼ‖√(1−φ̂²)); then φ̂ᵢⱼ moves toward
 * φ. d = Σ gᵢ. Tracked as coefficients over the original gradients, so only the Gram matrix is
 * needed. The paper adjusts per parameter group; here the shared part is one group.
 */
export function gradvacWeighting(beta: number, rng: Rng): GramWeighting {
  let targets: number[][] | null = null;
  return {
    family: 'gradient',
    level: 'parameters',
    combine: (gram) => {
      const n = gram.length;
      targets ??= gram.map(() => gram.map(() => 0));
      const total = gram.map(() => 0);
      for (let i = 0; i < n; i++) {
        const c: number[] = gram.map((_, k) => (k === i ? 1 : 0));
        for (const j of Array.from(shuffledIndices(n, rng)).filter((j) => j !== i)) {
          const normJ = Math.sqrt(Math.max(0, gram[j]![j]!));
          const squared = c.reduce(
            (s, a, k) => s + a * c.reduce((t, b, l) => t + b * gram[k]![l]!, 0),
            0,
          );
          const normI = Math.sqrt(Math.max(0, squared));
          if (!(normI > 0 && normJ > 0)) continue;
          const dot = c.reduce((s, a, k) => s + a * gram[k]![j]!, 0);
          const cosine = Math.max(-1, Math.min(1, dot / (normI * normJ)));
          const target = targets[i]![j]!;
          if (cosine < target && target < 1) {
            const lift =
              (normI *
                (target * Math.sqrt(1 - cosine ** 2) - cosine * Math.sqrt(1 - target ** 2))) /
              (normJ * Math.sqrt(1 - target ** 2));
            c[j]! += lift;
          }
          targets[i]![j] = (1 - beta) * target + beta * cosine;
        }
        c.forEach((a, k) => (total[k]! += a));
      }
      return { coefficients: total, headScales: gram.map(() => 1) };
    },
    dispose: () => undefined,
  };
}
