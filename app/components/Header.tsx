import type { BackendChoice } from '../../src/worker/protocol';
import { BACKENDS } from '../../src/worker/protocol';
import { formatNumber } from '../format';
import { useApp } from '../store';

/** Title and the backend: the one asked for and the one actually running. */
export function Header() {
  const backend = useApp((s) => s.run.backend);
  const backendChoice = useApp((s) => s.backendChoice);
  const setBackendChoice = useApp((s) => s.setBackendChoice);
  const hasRun = useApp((s) => s.run.runId !== null);

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
      <div className="backend" title={backend?.fallbackReason ?? backend?.adapter}>
        <span className="muted">running on</span>{' '}
        <strong data-testid="backend">{backend?.name ?? '…'}</strong>
        {backend?.adapter && <span className="muted"> ({backend.adapter})</span>}
        {backend?.fallbackReason && (
          <div className="fallback">Fell back: {backend.fallbackReason}</div>
        )}
        {backend?.timings && (
          <div className="timings" data-testid="backend-timings">
            auto measured this model:{' '}
            {backend.timings.map((t, i) => (
              <span
                key={t.backend}
                title={t.note}
                className={t.backend === backend.name ? 'chosen' : undefined}
              >
                {i > 0 && ' · '}
                {t.backend}{' '}
                {t.stepsPerSecond === null ? '—' : `${formatNumber(t.stepsPerSecond)} steps/s`}
              </span>
            ))}
          </div>
        )}
      </div>
    </header>
  );
}
