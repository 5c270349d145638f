import { currentShapeKey } from '../store/designShape';
import type { BackendTiming } from '../../src/worker/autoBackend';
import type { BackendChoice } from '../../src/worker/protocol';
import { BACKENDS } from '../../src/worker/protocol';
import { formatNumber } from '../format';
import { useApp, type AppState } from '../store';

/** What Auto measured for the current design's shape: undefined while unknown to the UI. */
const currentPlan = (s: AppState) => s.run.backendPlans[currentShapeKey(s)];

function Timings({ timings, chosen }: { timings: BackendTiming[]; chosen: string }) {
  return (
    <div className="timings" data-testid="backend-timings">
      auto measured this model:{' '}
      {timings.map((t, i) => (
        <span
          key={t.backend}
          title={t.note}
          className={t.backend === chosen ? 'chosen' : undefined}
        >
          {i > 0 && ' · '}
          {t.backend}{' '}
          {t.stepsPerSecond === null ? '—' : `${formatNumber(t.stepsPerSecond)} steps/s`}
        </span>
      ))}
    </div>
  );
}

const selectHeader = (s: AppState) => ({
  backend: s.run.backend,
  backendChoice: s.backendChoice,
  setBackendChoice: s.setBackendChoice,
  hasRun: s.run.runId !== null,
  plan: currentPlan(s),
});

/**
 * Title and the backend. While a run exists: the backend it trains on (and Auto's measurement of
 * it). Before a run under Auto: what Auto will use for this design, or that it has not measured
 * it yet — never a backend that would not train it.
 */
export function Header() {
  const { backend, backendChoice, setBackendChoice, hasRun, plan } = useApp(selectHeader);
  const planning = backendChoice === 'auto' && !hasRun;
  const shown = planning ? null : backend;

  return (
    <header className="app-header">
      <h1 title="Multi-task learning in your browser">MTL Playground</h1>
      <label className="field inline">
        <span>Backend</span>
        <select
          aria-label="Backend"
          value={backendChoice}
          disabled={hasRun}
          title={
            hasRun
              ? 'Reset the run to switch backend: its weights live on the current one'
              : undefined
          }
          onChange={(e) => setBackendChoice(e.target.value as BackendChoice)}
        >
          {(['auto', ...BACKENDS] as const).map((b) => (
            <option key={b}>{b}</option>
          ))}
        </select>
      </label>
      <div className="backend" title={shown?.fallbackReason ?? shown?.adapter}>
        {planning ? (
          <>
            <span data-testid="backend" hidden>
              {plan === undefined ? '…' : '—'}
            </span>
            <span data-testid="backend-plan">
              {plan === undefined ? (
                <span className="muted">Auto: …</span>
              ) : plan === null ? (
                <>
                  <strong>Auto</strong>{' '}
                  <span className="muted">
                    (not measured yet: it times wasm and cpu on this design for about a second when
                    you train)
                  </span>
                </>
              ) : (
                <>
                  <span className="muted">Auto will use</span> <strong>{plan.backend}</strong>
                  {plan.adapter && <span className="muted"> ({plan.adapter})</span>}
                </>
              )}
            </span>
            {plan && <Timings timings={plan.timings} chosen={plan.backend} />}
          </>
        ) : (
          <>
            <span className="muted">{hasRun ? 'running on' : 'will run on'}</span>{' '}
            <strong data-testid="backend">{shown?.name ?? '…'}</strong>
            {shown?.adapter && <span className="muted"> ({shown.adapter})</span>}
            {shown?.fallbackReason && (
              <div className="fallback">Fell back: {shown.fallbackReason}</div>
            )}
            {shown?.timings && shown.requested === 'auto' && (
              <Timings timings={shown.timings} chosen={shown.name} />
            )}
          </>
        )}
      </div>
    </header>
  );
}
