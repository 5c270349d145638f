import {
  cellDesign,
  DEFAULT_EXPERIMENT_DRAFT,
  experimentCells,
  experimentSeeds,
  type ExperimentSpec,
} from '../../src/spec/experiment';
import { validateDesign } from '../../src/design/validateDesign';
import type { CellResult } from '../../src/train/experiment/summary';
import type { RunView } from './runView';
import type { AppState, ExperimentProgress, ExperimentSlice, SliceContext } from './state';

/** A finished cell's numbers, read from its run: the last validation and the training time. */
function cellResult(run: RunView, cell: { method: number; seed: number }): CellResult {
  const last = (values: ArrayLike<number> | undefined) =>
    values && values.length ? values[values.length - 1]! : Number.NaN;
  return {
    ...cell,
    runId: run.runId!,
    metrics: run.tasks.map((_, i) => last(run.valMetric.values[i])),
    losses: run.tasks.map((_, i) => last(run.valLoss.values[i])),
    seconds: last(run.trainTime) || 0,
    diverged: run.divergence !== null,
  };
}

export function createExperimentSlice({ set, get, deps }: SliceContext): ExperimentSlice {
  /** One tab trains an experiment: the others see it, and may go on with it once it is free. */
  const claim = (id: string) => deps.locks?.claim(id) ?? Promise.resolve(true);
  const release = (id: string) => deps.locks?.release(id);
  const update = (patch: Partial<ExperimentProgress>) => {
    const experiment = get().experiment;
    if (experiment) set({ experiment: { ...experiment, ...patch } });
  };
  /** Stops, keeping what finished; another tab may then go on with it. */
  const halt = () => {
    update({ status: 'stopped' });
    release(get().experiment!.spec.id);
  };
  /** Shows the experiment's base design again, once no run of it is shown. */
  const restoreDesign = (spec: ExperimentSpec) => {
    get().reset();
    set({ spec: spec.design.spec, config: spec.design.config, data: spec.design.data });
  };
  /** Starts cell `index`, or finishes the experiment when there is none left. */
  const startCell = (index: number) => {
    const experiment = get().experiment!;
    const cells = experimentCells(experiment.spec);
    if (index >= cells.length) {
      update({ status: 'done', cell: index, runId: null });
      release(experiment.spec.id);
      restoreDesign(experiment.spec);
      return;
    }
    const design = cellDesign(experiment.spec, cells[index]!);
    update({ runId: null }); // the reset below is the experiment's own, not the person's
    get().reset();
    set({ spec: design.spec, config: design.config, data: design.data });
    get().train();
    const runId = get().run.runId!;
    update({
      status: 'training',
      cell: index,
      runId,
      runs: { ...get().experiment!.runs, [runId]: index },
    });
  };

  /**
   * Goes on with the interrupted cell's own run where it stopped: still in the worker after a
   * Stop, or from its last checkpoint after a reload or crash. False when there is nothing to
   * go on from (no run yet, no checkpoint, a diverged run, or only its baselines were cut off).
   */
  const continueCell = async (experiment: ExperimentProgress): Promise<boolean> => {
    const { runId, cell } = experiment;
    const { method, seed } = experimentCells(experiment.spec)[cell] ?? {};
    const trained = experiment.results.some((r) => r.method === method && r.seed === seed);
    if (!runId || trained) return false;
    if (get().run.runId !== runId) {
      if (get().run.runId) get().reset(); // as a fresh start of the cell would
      await get().openRun(runId);
    }
    const run = get().run;
    if (get().experiment !== experiment) return false;
    if (run.runId !== runId || run.state !== 'paused' || run.step < 1 || run.divergence)
      return false;
    update({ status: 'training' });
    get().train();
    return true;
  };

  return {
    experiment: null,
    experimentDraft: DEFAULT_EXPERIMENT_DRAFT,
    setExperimentDraft: (patch) => set({ experimentDraft: { ...get().experimentDraft, ...patch } }),
    startExperiment: ({ methods, seeds, steps }) => {
      const design = { spec: get().spec, config: get().config, data: get().data };
      const spec: ExperimentSpec = {
        id: `experiment-${Date.now().toString(36)}`,
        createdAt: Date.now(),
        design,
        methods,
        seeds: experimentSeeds(design.config.seed, seeds),
        steps,
      };
      const problems = experimentCells(spec).flatMap((cell) =>
        validateDesign(cellDesign(spec, cell)),
      );
      if (methods.length === 0 || seeds < 1 || steps < 1 || problems.length > 0) {
        const reason =
          problems[0]?.message ??
          (methods.length === 0
            ? 'pick at least one method'
            : 'seeds and steps must be at least 1');
        get().receive({ type: 'error', message: `The experiment cannot start: ${reason}` });
        return;
      }
      void claim(spec.id);
      set({
        experiment: {
          spec,
          results: [],
          baselines: {},
          status: 'training',
          cell: 0,
          runId: null,
          runs: {},
        },
      });
      startCell(0);
    },
    resumeExperiment: async () => {
      const experiment = get().experiment;
      if (experiment?.status !== 'stopped') return;
      if (!(await claim(experiment.spec.id))) {
        get().receive({
          type: 'error',
          message: 'This experiment is training in another tab: it goes on there',
        });
        return;
      }
      if (await continueCell(experiment)) return;
      // The interrupted cell starts again (also when only its baselines were cut off): its
      // partial run and result would count it twice.
      const cells = experimentCells(experiment.spec);
      const before = (r: { method: number; seed: number }) =>
        cells.findIndex((c) => c.method === r.method && c.seed === r.seed) < experiment.cell;
      const partial = Object.entries(experiment.runs).filter(([, cell]) => cell >= experiment.cell);
      await Promise.all(partial.map(([id]) => get().deleteRun(id)));
      if (get().experiment !== experiment) return;
      update({ results: experiment.results.filter(before) });
      startCell(experiment.cell);
    },
    stopExperiment: () => {
      const experiment = get().experiment;
      if (!experiment || experiment.status === 'done' || experiment.status === 'stopped') return;
      halt();
      get().pause();
    },
    closeExperiment: () => {
      const experiment = get().experiment;
      if (experiment && experiment.status !== 'done' && experiment.status !== 'stopped') return;
      if (experiment) release(experiment.spec.id);
      set({ experiment: null });
    },
    advanceExperiment: (previous) => {
      const experiment = get().experiment;
      const run = get().run;
      if (!experiment || !experimentBusy(get())) return;
      // The person reset or opened another run: the experiment stops, keeping what finished.
      if (previous.runId === experiment.runId && run.runId !== experiment.runId) {
        halt();
        return;
      }
      if (run.runId !== experiment.runId || run === previous) return;
      // The worker refused or failed (the banner says why): stop rather than wait forever.
      if (run.workerError && !previous.workerError && run.divergence === null) {
        halt();
        return;
      }
      // Looked up only when the run finished: this runs on every batch of training metrics.
      const cell = () => experimentCells(experiment.spec)[experiment.cell]!;
      if (experiment.status === 'training') {
        const diverged = run.divergence !== null && run.state !== 'running';
        // Done means the budget was reached and its final validation has arrived.
        const finished = run.state === 'done' && run.valLoss.steps.at(-1) === experiment.spec.steps;
        if (!diverged && !finished) return;
        const { seed } = cell();
        const results = [...experiment.results, cellResult(run, cell())];
        if (!diverged && !experiment.baselines[seed]) {
          update({ results, status: 'baselines' });
          get().runBaselines();
          return;
        }
        update({ results });
        startCell(experiment.cell + 1);
      } else if (experiment.status === 'baselines' && run.baselines && !previous.baselines) {
        update({ baselines: { ...experiment.baselines, [cell().seed]: run.baselines.results } });
        startCell(experiment.cell + 1);
      }
    },
  };
}

/** Whether the experiment is using the worker now (so other runs must wait). */
export const experimentBusy = (s: Pick<AppState, 'experiment'>): boolean =>
  s.experiment?.status === 'training' || s.experiment?.status === 'baselines';
