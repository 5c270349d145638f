/** The per-task training losses of one step and the weights λᵢ it used, in task order. */
export interface StepLosses {
  step: number;
  losses: number[];
  weights: number[];
}

/** Validation losses and metrics of every task at one step. */
export interface Evaluation {
  step: number;
  losses: number[];
  metrics: number[];
}
