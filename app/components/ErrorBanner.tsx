import type { Problem } from '../../src/spec/types';
import { useApp, type AppState } from '../store';

const selectErrorBanner = (s: AppState) => ({
  workerError: s.run.workerError,
  dismiss: s.dismissError,
  diverged: s.run.divergence !== null,
  rollBack: s.rollBack,
  dataError: s.dataError,
  dismissData: s.dismissDataError,
});

/** What cannot work right now, in words: the worker's latest error and every design problem. */
export function ErrorBanner({ problems }: { problems: Problem[] }) {
  const { workerError, dismiss, diverged, rollBack, dataError, dismissData } =
    useApp(selectErrorBanner);
  if (!workerError && !dataError && problems.length === 0) return null;
  return (
    <div className="error" role="alert" data-testid="error">
      {workerError && (
        <p>
          {workerError}{' '}
          {diverged && (
            <button
              type="button"
              onClick={() =>
                void rollBack({
                  learningRateFactor: 0.5,
                  resume: true,
                  note: (step) =>
                    `Rolled back to step ${step} with the learning rate halved; training goes on.`,
                })
              }
            >
              Roll back and halve the learning rate
            </button>
          )}{' '}
          <button type="button" className="link" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
      {dataError && (
        <p>
          {dataError} <span className="muted">Your design and runs are unchanged.</span>{' '}
          <button type="button" className="link" onClick={dismissData}>
            Dismiss
          </button>
        </p>
      )}
      {problems.length > 0 && (
        <>
          <p>Training is blocked until the design is fixed:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
