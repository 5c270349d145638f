import type { SavedRun } from '../../history/runStore';
import type { ExperimentProgress } from '../../store/state';

const plain = (series: { steps: ArrayLike<number>; values: ArrayLike<number>[] }) => ({
  steps: Array.from(series.steps),
  values: series.values.map((v) => Array.from(v)),
});

/**
 * The whole experiment in one JSON file: its definition, each run's numbers and every run's
 * history (training and validation curves, λ, seconds), for analysis elsewhere.
 */
export function experimentJson(
  experiment: ExperimentProgress,
  savedRuns: readonly SavedRun[],
): string {
  const byId = new Map(savedRuns.map((r) => [r.id, r]));
  return JSON.stringify({
    format: 'mtl-playground-experiment',
    version: 1,
    definition: experiment.spec,
    baselines: experiment.baselines,
    runs: experiment.results.map((result) => {
      const saved = byId.get(result.runId);
      return {
        ...result,
        method: experiment.spec.methods[result.method]!.label,
        tasks: saved?.tasks ?? [],
        history: saved
          ? {
              trainLoss: plain(saved.curves.trainLoss),
              valLoss: plain(saved.curves.valLoss),
              valMetric: plain(saved.curves.valMetric),
              weights: plain(saved.curves.weights),
              trainSeconds: Array.from(saved.curves.trainTime ?? []),
            }
          : null,
      };
    }),
  });
}
