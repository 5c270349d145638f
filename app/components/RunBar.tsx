import { useMemo } from 'react';
import { inferShapes } from '../../src/spec/shapes';
import { formatBytes, formatDuration, formatNumber } from '../format';
import { useApp, type AppState } from '../store';
import type { RunPhase } from '../store/runView';
import { knownSpeed, LONG_RUN_SECONDS, secondsLeft } from '../store/runEstimate';

/** Phases in which the worker is busy with the run: Train waits, Pause is heard. */
const BUSY: RunPhase[] = ['starting', 'stepping', 'choosing backend', 'compiling', 'training'];

const selectRunBar = (s: AppState) => ({
  run: s.run,
  // Primitives: a value built anew on each read would re-render forever.
  speedBackend: knownSpeed(s)?.backend ?? null,
  speedRate: knownSpeed(s)?.stepsPerSecond ?? null,
  spec: s.spec,
  maxSteps: s.config.maxSteps,
  train: s.train,
  pause: s.pause,
  step: s.step,
  reset: s.reset,
  exportWeights: s.exportWeights,
});

/** Train / Pause / Step / Reset / Export, with the run's progress and the time it will take. */
export function RunBar({ blockedBy }: { blockedBy: string | null }) {
  const { run, speedBackend, speedRate, spec, maxSteps, train, pause, step, reset, exportWeights } =
    useApp(selectRunBar);
  const designParams = useMemo(() => inferShapes(spec).totalParams, [spec]);
  const running = run.state === 'running' || BUSY.includes(run.phase);
  const blocked = blockedBy !== null;
  const left = secondsLeft(run.step, maxSteps, speedRate);

  return (
    <div className="run-bar" role="toolbar" aria-label="Run">
      <button
        type="button"
        className="primary"
        disabled={running || blocked}
        title={blockedBy ?? undefined}
        onClick={train}
      >
        Train
      </button>
      <button
        type="button"
        disabled={!running || run.phase === 'stepping' || run.phase === 'pausing'}
        onClick={pause}
      >
        Pause
      </button>
      <button
        type="button"
        disabled={running || blocked}
        title={blockedBy ?? undefined}
        onClick={step}
      >
        Step
      </button>
      <button type="button" disabled={run.runId === null} onClick={reset}>
        Reset
      </button>
      <button type="button" disabled={run.runId === null || run.step === 0} onClick={exportWeights}>
        Export weights
      </button>
      <dl className="stats">
        <div>
          <dt>Step</dt>
          <dd>
            <span data-testid="step">{run.step}</span> / {maxSteps ?? '∞'}
          </dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd data-testid="params">{run.params ?? designParams}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>
            {run.phase === 'choosing backend'
              ? 'measuring backends…'
              : run.stepsPerSecond === null
                ? '—'
                : `${formatNumber(run.stepsPerSecond)} steps/s`}
          </dd>
        </div>
        <div title="At the measured speed, for the steps left in the budget">
          <dt>Time left</dt>
          <dd data-testid="eta">{left === null ? '—' : formatDuration(left)}</dd>
        </div>
        <div title="Tensors and memory tf.js holds in the worker: steady while training means nothing leaks">
          <dt>Memory</dt>
          <dd data-testid="tensors">
            {run.memory ? `${run.memory.tensors} tensors · ${formatBytes(run.memory.bytes)}` : '—'}
          </dd>
        </div>
        <div>
          <dt>State</dt>
          <dd data-testid="state">{run.phase}</dd>
        </div>
      </dl>
      {run.runId === null && speedBackend && left !== null && left > LONG_RUN_SECONDS && (
        <p className="run-estimate" data-testid="long-run">
          This run would take about {formatDuration(left)} on {speedBackend} (
          {formatNumber(speedRate)} steps/s). Fewer steps, a smaller batch, or a machine with a GPU
          would make it faster.
        </p>
      )}
    </div>
  );
}
