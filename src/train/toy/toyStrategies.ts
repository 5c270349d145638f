/* The strategies the landscape view offers, apart from the trajectory code so the UI can list
   them without loading tf.js (which the trajectories' RLW module imports). */

import type { StrategyId } from '../../spec/weighting';

/** Strategies the landscape view can run: those defined on raw gradients of θ = x. */
export const TOY_STRATEGIES = [
  'equal',
  'mgda',
  'pcgrad',
  'cagrad',
  'rlw',
  'imtl',
  'aligned',
  'nash',
  'upgrad',
  'famo',
  'fairgrad',
  'gradvac',
] as const satisfies readonly StrategyId[];
export type ToyStrategy = (typeof TOY_STRATEGIES)[number];
