import type { Insights } from '../../src/train/insights/views';
import type { DecisionMap } from '../../src/train/predictionViews';
import type { AutoPick, BackendTiming } from '../../src/worker/autoBackend';
import type { BaselineResult } from '../../src/worker/baselines';
import type { BackendChoice, BackendName, FromWorker, RunState } from '../../src/worker/protocol';
import { appendColumn, compactColumn, emptyColumn, toColumn, type Column } from './column';

/** Per-task series, index-aligned with `steps`. */
export interface Series {
  steps: Column;
  /** values[task][k] belongs to steps[k]. */
  values: Column[];
}

/**
 * What the run is doing, as the person should read it: never "paused" while the worker is busy
 * starting it (choosing a backend, building the model, compiling its first step).
 */
export type RunPhase =
  | 'idle'
  | 'starting'
  | 'stepping'
  | 'choosing backend'
  | 'compiling'
  | 'training'
  | 'pausing'
  | 'paused'
  | 'done';

/** Everything the UI knows about the backend and the current run, built only from worker messages. */
export interface RunView {
  backend: {
    name: BackendName;
    requested: BackendChoice;
    adapter?: string;
    fallbackReason?: string;
    timings?: BackendTiming[];
  } | null;
  /** What Auto chose for each design shape it was asked about (null: not measured yet). */
  backendPlans: Record<string, AutoPick | null>;
  runId: string | null;
  phase: RunPhase;
  /** When the run started (ms since epoch), for its saved record. */
  startedAt: number | null;
  state: 'idle' | RunState;
  /** Task names of the run, in the order of every array below. */
  tasks: string[];
  params: number | null;
  step: number;
  trainLoss: Series;
  valLoss: Series;
  valMetric: Series;
  /** Seconds of training up to each step of `trainLoss` (validation pauses excluded). */
  trainTime: Column;
  /** Effective λ (the weight each task trained with) per step. */
  weights: Series;
  /** Cosine similarity of task gradients on the shared parameters, per validation: cosines.values[k] is a T×T matrix. */
  cosines: { steps: number[]; values: number[][][] };
  /** The latest effective λ per task. */
  lambdas: number[];
  stepsPerSecond: number | null;
  /** Tensors and bytes tf.js holds in the worker, as of the latest metrics. */
  memory: { tensors: number; bytes: number } | null;
  /** Every task's latest predictions over the plane (2-D designs). */
  decisionMaps: { step: number; maps: DecisionMap[] } | null;
  /** The confusion matrix the person asked for, latest first. */
  confusion: { task: number; step: number; matrix: number[][] } | null;
  /** The latest why views the page asked for, and the step they explain. */
  insights: { step: number; views: Insights } | null;
  /** Every gates view received: per readout, per row, per column (at most GATE_HISTORY, thinned). */
  gateHistory: { step: number; values: (number | null)[][][] }[];
  /** Each task trained alone for `steps` steps (single-task baselines). */
  baselines: { steps: number; results: BaselineResult[] } | null;
  /** How far the baselines being trained have got (null: none training). */
  baselineProgress: { task: number; step: number; steps: number } | null;
  /** The latest problem the worker reported. */
  workerError: string | null;
  /** Where a task's loss stopped being finite, until the run is rolled back or reset. */
  divergence: { task: string; step: number } | null;
}

export const EMPTY_SERIES: Series = { steps: emptyColumn(), values: [] };

export const INITIAL_RUN_VIEW: RunView = {
  backend: null,
  backendPlans: {},
  runId: null,
  phase: 'idle',
  startedAt: null,
  state: 'idle',
  tasks: [],
  params: null,
  step: 0,
  trainLoss: EMPTY_SERIES,
  valLoss: EMPTY_SERIES,
  valMetric: EMPTY_SERIES,
  trainTime: emptyColumn(),
  weights: EMPTY_SERIES,
  cosines: { steps: [], values: [] },
  lambdas: [],
  stepsPerSecond: null,
  memory: null,
  decisionMaps: null,
  confusion: null,
  insights: null,
  gateHistory: [],
  baselines: null,
  baselineProgress: null,
  workerError: null,
  divergence: null,
};

function append(series: Series, rows: { step: number; values: number[] }[]): Series {
  if (rows.length === 0) return series;
  const width = rows[0]!.values.length;
  const values = Array.from({ length: width }, (_, i) =>
    appendColumn(
      series.values[i] ?? emptyColumn(),
      rows.map((r) => r.values[i]!),
    ),
  );
  return {
    steps: appendColumn(
      series.steps,
      rows.map((r) => r.step),
    ),
    values,
  };
}

/** Training time at each new step: the chunk's steps share its measured rate. */
function appendTimes(times: Column, steps: number, stepsPerSecond: number): Column {
  if (steps === 0) return times;
  const perStep = stepsPerSecond > 0 ? 1 / stepsPerSecond : 0;
  const start = times.at(-1) ?? 0;
  return appendColumn(
    times,
    Array.from({ length: steps }, (_, k) => start + (k + 1) * perStep),
  );
}

/** A message is about the current run, or about no run at all. Late messages of old runs are dropped. */
function isCurrent(view: RunView, message: FromWorker): boolean {
  return !('runId' in message) || message.runId === undefined || message.runId === view.runId;
}

/** The one reducer that turns worker messages into UI state. */
export function applyWorkerMessage(view: RunView, message: FromWorker): RunView {
  if (!isCurrent(view, message)) return view;
  switch (message.type) {
    case 'backend': {
      const { type: _type, backend, ...rest } = message;
      return { ...view, backend: { name: backend, ...rest } };
    }
    case 'measuringBackends':
      return { ...view, phase: 'choosing backend' };
    case 'backendPlan':
      return { ...view, backendPlans: { ...view.backendPlans, [message.key]: message.pick } };
    case 'runBuilt':
      return { ...view, tasks: message.tasks, params: message.params, phase: 'compiling' };

    case 'metrics': {
      const last = message.steps.at(-1);
      return {
        ...view,
        step: last ? last.step : view.step,
        trainLoss: append(
          view.trainLoss,
          message.steps.map((s) => ({ step: s.step, values: s.losses })),
        ),
        trainTime: appendTimes(view.trainTime, message.steps.length, message.stepsPerSecond),
        weights: append(
          view.weights,
          message.steps.map((s) => ({ step: s.step, values: s.weights })),
        ),
        lambdas: last ? last.weights : view.lambdas,
        stepsPerSecond: message.stepsPerSecond,
        memory: message.memory ?? view.memory,
        phase: view.state === 'running' && view.phase !== 'pausing' ? 'training' : view.phase,
      };
    }
    case 'validation': {
      const { step, losses, metrics } = message.evaluation;
      // Cosines come with some validations only (the worker limits them to a few per second).
      const cosines =
        message.cosines && view.cosines.steps.at(-1) !== step
          ? {
              steps: [...view.cosines.steps, step],
              values: [...view.cosines.values, message.cosines],
            }
          : view.cosines;
      // A stopped run's validation may repeat the last step to add the views it skipped.
      if (view.valLoss.steps.at(-1) === step) return { ...view, cosines };
      return {
        ...view,
        valLoss: append(view.valLoss, [{ step, values: losses }]),
        valMetric: append(view.valMetric, [{ step, values: metrics }]),
        cosines,
      };
    }
    case 'lambdas':
      return { ...view, lambdas: message.lambdas };
    case 'status':
      return {
        ...view,
        state: message.state,
        step: message.step,
        phase: message.state !== 'running' ? message.state : phaseOnResume(view.phase),
      };
    case 'error':
      return {
        ...view,
        workerError: message.message,
        baselineProgress: null,
        phase: settledPhase(view),
      };
    case 'diverged':
      return {
        ...view,
        divergence: { task: message.task, step: message.step },
        workerError: `Task '${message.task}' loss became ${message.value} at step ${message.step} with learning rate ${message.learningRate}: training paused there. The curves end at the last finite step.`,
      };
    case 'decisionMaps':
      return { ...view, decisionMaps: { step: message.step, maps: message.maps } };
    case 'confusion': {
      const { task, step, matrix } = message;
      return { ...view, confusion: { task, step, matrix } };
    }
    case 'insights': {
      const { step, insights } = message;
      const gates = insights.gates;
      return {
        ...view,
        insights: { step, views: insights },
        gateHistory: gates
          ? appendGates(
              view.gateHistory,
              step,
              gates.map((g) => g.rows.map((r) => r.values)),
            )
          : view.gateHistory,
      };
    }
    case 'baselineProgress': {
      const { task, step, steps } = message;
      return { ...view, baselineProgress: { task, step, steps } };
    }
    case 'baselines':
      return {
        ...view,
        baselines: { steps: message.steps, results: message.results },
        baselineProgress: null,
      };
    case 'exported':
    case 'checkpoint':
    case 'resetDone':
    case 'landscapePaths':
    case 'csvProgress':
    case 'csvLoaded':
    case 'csvFailed':
    case 'dataPreview':
    case 'fatal':
      return view; // the data slice's, or the worker client's
    default: {
      const never: never = message;
      return never;
    }
  }
}

/** Most gate snapshots kept: beyond it every other one goes, so the history spans the whole run. */
export const GATE_HISTORY = 200;

function appendGates(
  history: RunView['gateHistory'],
  step: number,
  values: (number | null)[][][],
): RunView['gateHistory'] {
  const kept = history.filter((g) => g.step < step); // a rollback replaces what came after
  const next = [...kept, { step, values }];
  // Thinning keeps the latest snapshot and every second one before it.
  return next.length > GATE_HISTORY ? next.filter((_, i) => (next.length - 1 - i) % 2 === 0) : next;
}

/** The part of a series up to `step` (views of the same columns: nothing is copied). */
export function seriesUpTo(series: Series, step: number): Series {
  const n = series.steps.findIndex((s) => s > step);
  if (n < 0) return series;
  return {
    steps: series.steps.subarray(0, n),
    values: series.values.map((v) => v.subarray(0, n)),
  };
}

/** A series holding exactly its own values, for storage. */
export const compactSeries = (series: Series): Series => ({
  steps: compactColumn(series.steps),
  values: series.values.map(compactColumn),
});

/** A series read from storage, whose older records kept plain arrays. */
export const seriesFrom = (stored: {
  steps: ArrayLike<number>;
  values: ArrayLike<number>[];
}): Series => ({
  steps: toColumn(stored.steps),
  values: stored.values.map(toColumn),
});

/** The run as it was at `step`: every curve cut there (weights rolled back to a checkpoint). */
export function runViewAt(view: RunView, step: number): RunView {
  const trainLoss = seriesUpTo(view.trainLoss, step);
  const cut = view.cosines.steps.findIndex((s) => s > step);
  return {
    ...view,
    step,
    trainLoss,
    valLoss: seriesUpTo(view.valLoss, step),
    valMetric: seriesUpTo(view.valMetric, step),
    weights: seriesUpTo(view.weights, step),
    trainTime: view.trainTime.subarray(0, trainLoss.steps.length),
    cosines:
      cut < 0
        ? view.cosines
        : { steps: view.cosines.steps.slice(0, cut), values: view.cosines.values.slice(0, cut) },
    decisionMaps: null,
    confusion: null,
    insights: null,
    gateHistory: view.gateHistory.filter((g) => g.step <= step),
    divergence: null,
  };
}

/** A new run starts clean but keeps the backend report and Auto's plans. */
export function startRunView(view: RunView, runId: string): RunView {
  return {
    ...INITIAL_RUN_VIEW,
    backend: view.backend,
    backendPlans: view.backendPlans,
    runId,
    startedAt: Date.now(),
    state: 'paused',
  };
}

/** Training resumed: still compiling until its first steps come back, unless already training. */
const phaseOnResume = (phase: RunPhase): RunPhase =>
  phase === 'training' || phase === 'pausing' ? phase : 'compiling';

/** After an error, what the worker's own state says (a failed start leaves nothing running). */
function settledPhase(view: RunView): RunPhase {
  if (view.state === 'running') return view.phase === 'pausing' ? 'pausing' : 'training';
  return view.step === 0 ? 'idle' : view.state;
}
