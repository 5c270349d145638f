import { experimentCells } from '../../../src/spec/experiment';
import { formatDuration } from '../../format';
import { useApp, type AppState } from '../../store';
import type { ExperimentProgress } from '../../store/state';

const selectRunSpeed = (s: AppState) => ({
  step: s.run.step,
  stepsPerSecond: s.run.stepsPerSecond,
});

/** Which run trains now, how far it is, and about how long the rest takes at the measured speed. */
export function ExperimentProgressLine({ experiment }: { experiment: ExperimentProgress }) {
  const { step, stepsPerSecond } = useApp(selectRunSpeed);
  const cells = experimentCells(experiment.spec);
  const cell = cells[experiment.cell];
  const { steps } = experiment.spec;
  const left = (cells.length - experiment.cell) * steps - step;
  const eta = stepsPerSecond && left > 0 ? formatDuration(left / stepsPerSecond) : null;
  const text =
    experiment.status === 'done'
      ? `Done: ${cells.length} runs`
      : experiment.status === 'stopped'
        ? `Stopped after ${experiment.results.length} of ${cells.length} runs`
        : `Run ${experiment.cell + 1} of ${cells.length}: ${experiment.spec.methods[cell!.method]!.label} · seed ${cell!.seed} — ${
            experiment.status === 'baselines'
              ? 'training each task alone (baselines)'
              : `step ${step} of ${steps}`
          }${eta ? ` · about ${eta} left` : ''}`;
  return (
    <p className="experiment-progress" data-testid="experiment-progress" aria-live="polite">
      {text}
    </p>
  );
}
