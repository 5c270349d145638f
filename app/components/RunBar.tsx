import { useMemo } from 'react';
import { inferShapes } from '../../src/spec/shapes';
import { formatBytes, formatNumber } from '../format';
import { useApp } from '../store';

/** Train / Pause / Step / Reset / Export, with the run's progress. */
export function RunBar({ blockedBy }: { blockedBy: string | null }) {
  const run = useApp((s) => s.run);
  const spec = useApp((s) => s.spec);
  const maxSteps = useApp((s) => s.config.maxSteps);
  const train = useApp((s) => s.train);
  const pause = useApp((s) => s.pause);
  const step = useApp((s) => s.step);
  const reset = useApp((s) => s.reset);
  const exportWeights = useApp((s) => s.exportWeights);
  const designParams = useMemo(() => inferShapes(spec).totalParams, [spec]);
  const running = run.state === 'running';
  const blocked = blockedBy !== null;

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
      <button type="button" disabled={!running} onClick={pause}>
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
            {run.measuringBackends
              ? 'measuring backends…'
              : run.stepsPerSecond === null
                ? '—'
                : `${formatNumber(run.stepsPerSecond)} steps/s`}
          </dd>
        </div>
        <div title="Tensors and memory tf.js holds in the worker: steady while training means nothing leaks">
          <dt>Memory</dt>
          <dd data-testid="tensors">
            {run.memory ? `${run.memory.tensors} tensors · ${formatBytes(run.memory.bytes)}` : '—'}
          </dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{run.state}</dd>
        </div>
      </dl>
    </div>
  );
}
