import { useMemo } from 'react';
import { inferShapes } from '../../src/spec/shapes';
import { formatBytes, formatDuration, formatNumber } from '../format';
import { useApp } from '../store';
import type { RunPhase } from '../store/runView';
import { knownSpeed, LONG_RUN_SECONDS, secondsLeft } from '../store/runEstimate';

/** Phases in which the worker is busy with the run: Train waits, Pause is heard. */
const BUSY: RunPhase[] = ['starting', 'stepping', 'choosing backend', 'compiling', 'training'];

/** Train / Pause / Step / Reset / Export, with the run's progress and the time it will take. */
export function RunBar({ blockedBy }: { blockedBy: string | null }) {
  const run = useApp((s) => s.run);
  // Primitives: a selector that builds an object anew would re-render forever.
  const speedBackend = useApp((s) => knownSpeed(s)?.backend ?? null);
  const speedRate = useApp((s) => knownSpeed(s)?.stepsPerSecond ?? null);
  const spec = useApp((s) => s.spec);
  const maxSteps = useApp((s) => s.config.maxSteps);
  const train = useApp((s) => s.train);
  const pause = useApp((s) => s.pause);
  const step = useApp((s) => s.step);
  const reset = useApp((s) => s.reset);
  const exportWeights = useApp((s) => s.exportWeights);
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
