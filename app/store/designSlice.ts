import { describeDataset } from '../../src/data/loadDataset';
import { suggestChoices } from '../../src/design/csvDesign';
import { PRESETS } from '../../src/design/presets';
import type { TrainConfig } from '../../src/spec/types';
import { completeWeighting } from '../../src/spec/weighting';
import { blockProblems, validateConfig } from '../../src/design/validate';
import type { DesignSlice, SliceContext } from './state';
import type { Design } from './designEdits';

/** Undo keeps this many designs. */
const HISTORY_LIMIT = 200;
/** Edits with the same key this close together (typing a name) undo as one. */
const COALESCE_MS = 1000;

const snapshot = (s: Design): Design => ({ spec: s.spec, config: s.config, data: s.data });

/**
 * The undo history of the design: every change goes through `commit`, which keeps the design it
 * replaces; `travel` walks the stacks. A change under a run discards the run, after asking.
 */
function designHistory({ set, get, deps }: SliceContext) {
  let lastEdit: { key: string; at: number } | null = null;

  /** Drops the run (after asking) so the design can change under it. */
  const discardRunFor = (what: string): boolean => {
    if (get().run.runId === null) return true;
    if (!deps.confirmDiscard(`${what} discards the current run's weights and curves. Continue?`))
      return false;
    get().reset();
    return true;
  };
  /** Records `next` as the new design, with the current one on the undo stack. */
  const commit = (next: Design, key?: string): void => {
    const current = snapshot(get());
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    const now = Date.now();
    const coalesce = key !== undefined && lastEdit?.key === key && now - lastEdit.at < COALESCE_MS;
    set({
      ...next,
      past: coalesce ? get().past : [...get().past, current].slice(-HISTORY_LIMIT),
      future: [],
    });
    lastEdit = key === undefined ? null : { key, at: now };
  };
  const travel = (from: 'past' | 'future'): void => {
    const stack = get()[from];
    const target = from === 'past' ? stack.at(-1) : stack[0];
    if (!target || !discardRunFor(from === 'past' ? 'Undo' : 'Redo')) return;
    const current = snapshot(get());
    lastEdit = null;
    set(
      from === 'past'
        ? {
            ...target,
            past: stack.slice(0, -1),
            future: [current, ...get().future],
            selected: null,
          }
        : { ...target, future: stack.slice(1), past: [...get().past, current], selected: null },
    );
  };

  return { discardRunFor, commit, travel };
}

/** Settings a run takes on the fly: the config changes here and, when a run exists, in the worker. */
function liveSettings({
  set,
  get,
  deps,
}: SliceContext): Pick<
  DesignSlice,
  'setLambda' | 'setLearningRate' | 'setBatchSize' | 'setMaxSteps' | 'setWeighting' | 'setBlocks'
> {
  /** Updates the config and, when a run exists, tells the worker. */
  const liveConfig = (patch: Partial<TrainConfig>, toWorker: (runId: string) => void): void => {
    set({ config: { ...get().config, ...patch } });
    const runId = get().run.runId;
    if (runId) toWorker(runId);
  };
  const positiveInt = (n: number): boolean => Number.isInteger(n) && n > 0;
  return {
    setLambda: (task, value) => {
      const lambdas = { ...get().config.lambdas, [task]: value };
      liveConfig({ lambdas }, (runId) => deps.send({ type: 'setLambdas', runId, lambdas }));
    },
    setLearningRate: (learningRate) =>
      liveConfig({ learningRate }, (runId) => {
        if (learningRate > 0) deps.send({ type: 'setLearningRate', runId, learningRate });
      }),
    setBatchSize: (batchSize) =>
      liveConfig({ batchSize }, (runId) => {
        if (positiveInt(batchSize)) deps.send({ type: 'setBatchSize', runId, batchSize });
      }),
    setMaxSteps: (maxSteps) => set({ config: { ...get().config, maxSteps } }),
    setWeighting: (patch) => {
      const weighting = { ...get().config.weighting, ...patch };
      liveConfig({ weighting }, (runId) => {
        // A half-typed hyper-parameter stays here, explained, until it is valid.
        const invalid = validateConfig(get().config, get().spec).some(
          (p) => p.where === 'config.weighting',
        );
        if (!invalid) deps.send({ type: 'setWeighting', runId, weighting });
      });
    },
    setBlocks: (blocks) => {
      const kept = blocks && Object.keys(blocks).length > 0 ? blocks : undefined;
      liveConfig({ blocks: kept }, (runId) => {
        // A half-typed multiplier, or every block frozen, stays here, explained, until valid.
        const invalid = blockProblems(get().config, get().spec).length > 0;
        if (!invalid) deps.send({ type: 'setBlocks', runId, blocks: kept });
      });
    },
  };
}

export function createDesignSlice(context: SliceContext, initial: Design): DesignSlice {
  const { set, get, deps } = context;
  const { discardRunFor, commit, travel } = designHistory(context);

  return {
    ...initial,
    backendChoice: 'auto',
    past: [],
    future: [],
    selected: null,
    select: (selected) => set({ selected }),

    editDesign: (edit, key) => {
      const next = edit(snapshot(get()));
      if (JSON.stringify(next) === JSON.stringify(snapshot(get()))) return;
      if (discardRunFor('Changing the design')) commit(next, key);
    },
    undo: () => travel('past'),
    redo: () => travel('future'),

    loadPreset: (id) => {
      const preset = PRESETS.find((p) => p.id === id);
      if (!preset || !discardRunFor('Loading a preset')) return;
      commit({ spec: preset.spec, config: preset.config, data: preset.data });
      set({ selected: null });
    },
    adoptDesign: (design) => {
      // A run saved before a strategy existed lacks that strategy's hyper-parameters.
      const weighting = completeWeighting(design.config.weighting);
      commit(snapshot({ ...design, config: { ...design.config, weighting } }));
      set({ selected: null });
    },
    setDataKind: (kind) => {
      const summary = get().csvUpload.summary;
      if (kind === 'csv') {
        if (summary && get().data.kind !== 'csv') get().setCsvChoices(suggestChoices(summary));
        return;
      }
      const { csv: _csv, scales: _scales, ...common } = get().data;
      const data = { ...common, kind };
      const schema = describeDataset(data);
      const fits =
        JSON.stringify(schema.input) === JSON.stringify(get().spec.input) &&
        get().spec.tasks.every((t) => t.target in schema.targets);
      const preset = PRESETS.find((p) => p.data.kind === kind);
      if (!fits && preset) return get().loadPreset(preset.id);
      if (discardRunFor('Changing the data')) commit({ ...snapshot(get()), data });
    },
    regenerateData: () => {
      if (discardRunFor('Regenerating the data'))
        commit({ ...snapshot(get()), data: { ...get().data, seed: get().data.seed + 1 } });
    },

    ...liveSettings(context),

    setBackendChoice: (choice) => {
      if (get().run.runId !== null) return; // the picker is disabled while a run holds weights on a backend
      set({ backendChoice: choice });
      deps.send({ type: 'selectBackend', choice });
    },
  };
}
