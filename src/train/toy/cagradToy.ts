/**
 * The two-objective toy of the CAGrad and Nash-MTL papers (docs/SCIENCE.md), with exact gradients,
 * in plain numbers: it is small enough that thousands of steps per trajectory run in milliseconds.
 */

/** A point (x₁, x₂). */
export type Point = [number, number];

const FLOOR = 5e-6;

interface Part {
  value: number;
  grad: Point;
}

/** log(max(|u|, 5e−6)) + 6 for u linear in x₁ and tanh(x₂), with its gradient. */
function logPart(u: number, du: Point): Part {
  const a = Math.abs(u);
  if (a <= FLOOR) return { value: Math.log(FLOOR) + 6, grad: [0, 0] };
  return { value: Math.log(a) + 6, grad: [du[0] / u, du[1] / u] };
}

/** The two losses L₁, L₂ at x and their gradients. */
export function toyLosses([x1, x2]: Point): { losses: [number, number]; grads: [Point, Point] } {
  const t = Math.tanh(x2);
  const sech2 = 1 - t * t;
  // f₁ = log|½(−x₁−7) − tanh(−x₂)| + 6 ; f₂ = log|½(−x₁+3) + tanh(−x₂) + 2| + 6
  const f1 = logPart(-0.5 * x1 - 3.5 + t, [-0.5, sech2]);
  const f2 = logPart(-0.5 * x1 + 3.5 - t, [-0.5, -sech2]);
  // g₁ = ((−x₁+7)² + 0.1(−x₂−8)²)/10 − 20 ; g₂ = ((−x₁−7)² + 0.1(−x₂−8)²)/10 − 20
  const side = 0.1 * (x2 + 8) ** 2;
  const g1: Part = {
    value: ((x1 - 7) ** 2 + side) / 10 - 20,
    grad: [(x1 - 7) / 5, 0.02 * (x2 + 8)],
  };
  const g2: Part = {
    value: ((x1 + 7) ** 2 + side) / 10 - 20,
    grad: [(x1 + 7) / 5, 0.02 * (x2 + 8)],
  };
  // c₁ = max(tanh(x₂/2), 0) ; c₂ = max(tanh(−x₂/2), 0)
  const h = Math.tanh(x2 / 2);
  const dh = 0.5 * (1 - h * h);
  const c1 = Math.max(h, 0);
  const c2 = Math.max(-h, 0);
  const dc1 = h > 0 ? dh : 0;
  const dc2 = h < 0 ? -dh : 0;
  const combine = (f: Part, g: Part): Part => ({
    value: f.value * c1 + g.value * c2,
    grad: [
      f.grad[0] * c1 + g.grad[0] * c2,
      f.grad[1] * c1 + f.value * dc1 + g.grad[1] * c2 + g.value * dc2,
    ],
  });
  const l1 = combine(f1, g1);
  const l2 = combine(f2, g2);
  return { losses: [l1.value, l2.value], grads: [l1.grad, l2.grad] };
}

/** The Pareto set: the segment x₂ ≈ −8.3552, x₁ ∈ [−7, 7]. */
export const PARETO_X2 = -8.3552;
export const PARETO_X1: [number, number] = [-7, 7];

/** Whether an end point lies on the Pareto set, to the tolerance the papers' figures show. */
export function onParetoSet([x1, x2]: Point, tolerance = 0.1): boolean {
  return (
    Math.abs(x2 - PARETO_X2) < tolerance &&
    x1 >= PARETO_X1[0] - tolerance &&
    x1 <= PARETO_X1[1] + tolerance
  );
}

/** The usual start points of the papers' figures. */
export const TOY_STARTS: Point[] = [
  [-8.5, 7.5],
  [-8.5, -5],
  [9, 9],
];

/** The plotted region. */
export const TOY_BOUNDS = { x1: [-10, 10] as [number, number], x2: [-10, 10] as [number, number] };
