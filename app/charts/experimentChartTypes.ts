import type { MetricKind } from '../../src/spec/types';
import type { BandPoint } from '../../src/train/experiment/curves';

/** What the experiment's charts draw (app/components/experiment/chartData.ts computes it). */
export interface MethodCurves {
  label: string;
  method: number;
  /** Per task, the mean validation metric over seeds with its band. */
  tasks: BandPoint[][];
}

export interface ParetoRun {
  method: number;
  x: number;
  y: number;
}

export interface ParallelView {
  /** Per task, its final metric's worst and best over the runs (the axis's 0 and 1). */
  axes: { name: string; metric: MetricKind; worst: number; best: number }[];
  /** Runs, then method means: each task's metric, as measured and scaled to its axis. */
  lines: { method: number; mean: boolean; raw: number[]; scaled: number[] }[];
}
