import { isWatching } from '../../src/train/insights/views';
import { experimentCells } from '../../src/spec/experiment';
import { STRATEGY_INFO } from '../../src/spec/weighting';
import type { SavedRun } from '../history/runStore';
import type { AppState, HistorySlice, SliceContext } from './state';
import { storageRunner } from './storageRunner';
import { emptyColumn } from './column';
import { INITIAL_RUN_VIEW, runViewAt, type RunView } from './runView';

/** A default name: a number to tell runs apart, the tasks and how they were weighted. */
function defaultName(run: RunView, strategy: string, saved: SavedRun[]): string {
  const label = STRATEGY_INFO[strategy as keyof typeof STRATEGY_INFO]?.label ?? strategy;
  const numbers = saved.map((r) => Number(/^#(\d+) /.exec(r.name)?.[1] ?? 0));
  return `#${Math.max(0, ...numbers) + 1} ${run.tasks.join(' + ')} · ${label}`;
}

/** Why a run another tab has open cannot be opened or deleted here. */
const IN_ANOTHER_TAB = (name: string, action: 'open' | 'delete') =>
  `'${name}' is open in another tab of MTL Playground: two tabs never write the same run. Close it there (Reset, or open another run) to ${action} it here.`;

/** The record of a run as storage keeps it: its design, state, curves and baselines. */
/** The experiment cell a run belongs to, for its record's tag and name. */
function experimentCellOf(
  experiment: AppState['experiment'],
  runId: string | null,
): SavedRun['experiment'] | null {
  const index = runId ? experiment?.runs[runId] : undefined;
  if (!experiment || index === undefined) return null;
  const cell = experimentCells(experiment.spec)[index]!;
  return {
    id: experiment.spec.id,
    label: experiment.spec.methods[cell.method]!.label,
    seed: cell.seed,
  };
}

function runRecord(
  {
    run,
    spec,
    config,
    data,
    experiment,
  }: Pick<AppState, 'run' | 'spec' | 'config' | 'data' | 'experiment'>,
  savedRuns: SavedRun[],
): SavedRun {
  const cell = experimentCellOf(experiment, run.runId);
  return {
    id: run.runId!,
    // Only a new record takes this name and step; storage keeps the stored ones.
    name: cell
      ? `${cell.label} · seed ${cell.seed}`
      : defaultName(run, config.weighting.strategy, savedRuns),
    ...(cell ? { experiment: cell } : {}),
    checkpointStep: null,
    createdAt: run.startedAt ?? Date.now(),
    updatedAt: Date.now(),
    design: { spec, config, data },
    state: run.state,
    step: run.step,
    backend: run.backend?.name ?? null,
    tasks: run.tasks,
    params: run.params,
    // The live columns: storage writes compact copies, and the listed record shares them.
    curves: {
      trainLoss: run.trainLoss,
      valLoss: run.valLoss,
      valMetric: run.valMetric,
      weights: run.weights,
      trainTime: run.trainTime,
    },
    baselines: run.baselines,
  };
}

/**
 * What a reopened run shows: its saved curves, cut at its kept weights when there are some
 * (training carries on from them: curves past them cannot be continued).
 */
function reopenedRun(
  saved: SavedRun,
  checkpointStep: number | null,
  backend: RunView['backend'],
): RunView {
  const view: RunView = {
    ...INITIAL_RUN_VIEW,
    ...saved.curves,
    trainTime: saved.curves.trainTime ?? emptyColumn(),
    backend,
    // Without kept weights the curves are shown, and Train starts a new run.
    runId: checkpointStep !== null ? saved.id : null,
    startedAt: saved.createdAt,
    state: checkpointStep !== null ? 'paused' : 'idle',
    tasks: saved.tasks,
    params: saved.params,
    step: saved.step,
    baselines: saved.baselines ?? null,
  };
  const run = checkpointStep !== null ? runViewAt(view, checkpointStep) : view;
  return { ...run, lambdas: run.weights.values.map((v) => v.at(-1) ?? 1) };
}

type StorageRunner = ReturnType<typeof storageRunner>;
type Actions<K extends keyof HistorySlice> = Pick<HistorySlice, K>;

/** Writing the shown run: its record and its weights. */
function keepingActions(
  { set, get, deps }: SliceContext,
  withStorage: StorageRunner,
  deleted: Set<string>,
): Actions<'saveCurrentRun' | 'saveRun' | 'keepCheckpoint'> {
  return {
    saveCurrentRun: () => get().saveRun(get()),
    saveRun: async (state) => {
      const { run } = state;
      const { savedRuns } = get();
      if (!run.runId || run.tasks.length === 0 || deleted.has(run.runId)) return;
      const known = savedRuns.some((r) => r.id === run.runId);
      const record = runRecord(state, savedRuns);
      const previous = savedRuns.find((r) => r.id === run.runId);
      const stored = await withStorage((s) => s.put(record));
      if (!stored) return;
      // Other tabs list runs too: tell them of a new run or one that stopped (not of every step).
      if (previous?.state !== stored.state) deps.announceRunsChanged?.();
      // Update the one record in place: listing every run (curves and all) every two seconds of
      // training would re-read the whole history and redraw every compared curve.
      const runs = get().savedRuns;
      set({
        savedRuns: known ? runs.map((r) => (r.id === stored.id ? stored : r)) : [stored, ...runs],
      });
    },
    keepCheckpoint: async ({ runId, step, modelJson, weightData }) => {
      if (deleted.has(runId)) return;
      const kept = await withStorage(async (s) => {
        await s.putCheckpoint({ runId, step, modelJson, weightData, savedAt: Date.now() });
        return true;
      });
      if (!kept) return; // no storage, or it failed (reported)
      set({
        savedRuns: get().savedRuns.map((r) =>
          r.id === runId ? { ...r, checkpointStep: step } : r,
        ),
      });
    },
  };
}

/** What a person does to saved runs: open, rename, delete. */
function savedRunActions(
  { set, get, deps }: SliceContext,
  withStorage: StorageRunner,
  deleted: Set<string>,
): Actions<'openRun' | 'renameRun' | 'deleteRun'> {
  return {
    openRun: async (id) => {
      const saved = await withStorage((s) => s.get(id));
      if (!saved) return;
      const current = get().run.runId;
      if (current !== id && deps.locks && !(await deps.locks.claim(id)))
        return set({ dataError: IN_ANOTHER_TAB(saved.name, 'open') });
      if (
        current &&
        current !== id &&
        !deps.confirmDiscard('Open this run? The current one stays in Saved runs, as last saved.')
      ) {
        deps.locks?.release(id);
        return;
      }
      const checkpoint = await withStorage((s) => s.checkpoint(id));
      if (current) get().reset();
      get().adoptDesign(saved.design);
      const step = checkpoint?.step ?? saved.step;
      set({ run: reopenedRun(saved, checkpoint ? step : null, get().run.backend) });
      // Without weights nothing trains on, so the run stays free for other tabs.
      if (!checkpoint) deps.locks?.release(id);
      if (checkpoint) {
        const { modelJson, weightData } = checkpoint;
        deps.send({
          type: 'restore',
          runId: id,
          design: saved.design,
          step,
          checkpoint: { modelJson, weightData },
        });
        if (isWatching(get().insightRequest)) get().watchInsights(get().insightRequest);
      }
    },
    renameRun: async (id, name) => {
      await withStorage((s) => s.rename(id, name));
      deps.announceRunsChanged?.();
      await get().refreshRuns();
    },
    deleteRun: async (id) => {
      // The other tab would write the run back at its next save, without what came before.
      if (await deps.locks?.heldElsewhere(id)) {
        const name = get().savedRuns.find((r) => r.id === id)?.name ?? 'This run';
        return set({ dataError: IN_ANOTHER_TAB(name, 'delete') });
      }
      // A deleted run is never written again (a save or checkpoint may still be on its way), and
      // the run shown here, once deleted, is no longer shown: Train starts a new one.
      deleted.add(id);
      if (get().run.runId === id) get().reset();
      await withStorage((s) => s.delete(id));
      deps.announceRunsChanged?.();
      set({ compareIds: get().compareIds.filter((x) => x !== id) });
      await get().refreshRuns();
    },
  };
}

export function createHistorySlice(context: SliceContext): HistorySlice {
  const { set, get } = context;
  const withStorage = storageRunner(context);
  /** Runs deleted in this tab. */
  const deleted = new Set<string>();
  return {
    savedRuns: [],
    historyError: null,
    compareIds: [],
    toggleCompare: (id) => {
      const ids = get().compareIds;
      set({ compareIds: ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id] });
    },
    refreshRuns: async () => {
      const runs = await withStorage((s) => s.list());
      if (runs) set({ savedRuns: runs });
    },
    ...keepingActions(context, withStorage, deleted),
    ...savedRunActions(context, withStorage, deleted),
  };
}
