import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';
import { createAppStore } from './appStore';
import { addTask } from './designEdits';
import { describeDataset } from '../../src/data/loadDataset';

function setup(confirm = true) {
  const sent: ToWorker[] = [];
  let asked = 0;
  const store = createAppStore({
    send: (m) => sent.push(m),
    confirmDiscard: () => {
      asked++;
      return confirm;
    },
    newRunId: () => 'run-1',
  });
  return { store, sent, asked: () => asked };
}

describe('app store', () => {
  it('starts a run on Train and sends live λ and learning-rate changes to it', () => {
    const { store, sent } = setup();
    store.getState().train();
    expect(sent[0]).toMatchObject({ type: 'train', runId: 'run-1' });
    store.getState().setLambda('plane', 0);
    store.getState().setLearningRate(0.1);
    expect(sent.slice(1)).toEqual([
      { type: 'setLambdas', runId: 'run-1', lambdas: { gauss: 1, plane: 0 } },
      { type: 'setLearningRate', runId: 'run-1', learningRate: 0.1 },
    ]);
  });

  it('sends frozen blocks to the run at once, but not while every block is frozen', () => {
    const { store, sent } = setup();
    store.getState().train();
    const frozen = { trainable: false, lrScale: 1 };
    store.getState().setBlocks({ 'encoder.0': frozen });
    expect(sent[1]).toEqual({ type: 'setBlocks', runId: 'run-1', blocks: { 'encoder.0': frozen } });
    const all = Object.fromEntries(
      ['encoder.0', 'encoder.1', 'task.gauss', 'task.plane'].map((id) => [id, frozen]),
    );
    store.getState().setBlocks(all);
    expect(sent).toHaveLength(2);
    expect(store.getState().config.blocks).toEqual(all); // kept, explained, until valid
    store.getState().setBlocks({});
    expect(sent[2]).toEqual({ type: 'setBlocks', runId: 'run-1', blocks: undefined });
  });

  it('sends nothing to train while the design is invalid', () => {
    const { store, sent } = setup();
    store.getState().setLearningRate(-1);
    store.getState().train();
    store.getState().step();
    expect(sent).toEqual([]);
  });

  it('asks before a structural edit discards a run, and keeps everything when told no', () => {
    const { store, sent, asked } = setup(false);
    store.getState().step();
    const schema = describeDataset(store.getState().data);
    store.getState().editDesign((d) => addTask(d, schema));
    expect(asked()).toBe(1);
    expect(store.getState().spec.tasks).toHaveLength(2);
    expect(store.getState().run.runId).toBe('run-1');
    expect(sent.map((m) => m.type)).toEqual(['step']);
  });

  it('undoes and redoes design edits, one entry per burst of typing', () => {
    const { store } = setup();
    const state = () => store.getState();
    state().editDesign((d) => ({
      ...d,
      spec: { ...d.spec, sharing: { mode: 'mmoe', experts: 3 } },
    }));
    state().editDesign((d) => ({ ...d, config: { ...d.config, seed: 1 } }), 'seed');
    state().editDesign((d) => ({ ...d, config: { ...d.config, seed: 12 } }), 'seed');
    expect(state().past).toHaveLength(2);
    state().undo();
    expect(state().config.seed).toBe(42);
    expect(state().spec.sharing.mode).toBe('mmoe');
    state().undo();
    expect(state().spec.sharing.mode).toBe('hard');
    state().redo();
    state().redo();
    expect(state().config.seed).toBe(12);
    expect(state().future).toEqual([]);
  });

  it('loads a preset, and a dataset the model cannot read loads that dataset’s preset', () => {
    const { store } = setup();
    store.getState().loadPreset('mmoe');
    expect(store.getState().spec.sharing).toEqual({ mode: 'mmoe', experts: 4 });
    store.getState().setDataKind('shapes');
    expect(store.getState().spec.input).toEqual({
      kind: 'image',
      height: 12,
      width: 12,
      channels: 1,
    });
    expect(store.getState().data.kind).toBe('shapes');
  });

  it('applies a batch of worker messages in one update, the same as one by one', () => {
    const one = setup().store;
    const batch = setup().store;
    one.getState().train();
    batch.getState().train();
    const messages: FromWorker[] = [
      {
        type: 'metrics',
        runId: 'run-1',
        steps: [{ step: 1, losses: [1, 2], weights: [1, 1] }],
        stepsPerSecond: 5,
      },
      {
        type: 'metrics',
        runId: 'run-1',
        steps: [{ step: 2, losses: [0.5, 1], weights: [1, 1] }],
        stepsPerSecond: 6,
      },
      { type: 'status', runId: 'run-1', state: 'paused', step: 2 },
    ];
    let updates = 0;
    batch.subscribe(() => updates++);
    messages.forEach((m) => one.getState().receive(m));
    batch.getState().receiveAll(messages);
    expect(updates).toBe(1);
    // Start times are wall-clock: the two stores may have started in different milliseconds.
    const view = (s: typeof one) => ({ ...s.getState().run, startedAt: 0 });
    expect(view(batch)).toEqual(view(one));
  });

  it('resets the run when a structural edit is confirmed', () => {
    const { store, sent } = setup(true);
    store.getState().step();
    store.getState().regenerateData();
    expect(sent.map((m) => m.type)).toEqual(['step', 'reset']);
    expect(store.getState().run.runId).toBeNull();
    expect(store.getState().data.seed).toBe(2);
  });
});
