import { useMemo } from 'react';
import { outputActivationName } from '../../src/spec/outputs';
import { inferShapes } from '../../src/spec/shapes';
import type { LayerSpec, Problem } from '../../src/spec/types';
import { taskColor } from '../format';
import { useApp, type AppState } from '../store';
import { isTraining } from '../store/selectors';
import { addLayer, type LayerPath } from '../store/designEdits';
import { Inspector, pathWhere } from './Inspector';
import { LayerBlock } from './LayerBlock';
import { describeLayer } from '../../src/layers/registry';
import { SharingControl } from './SharingControl';
import { blockTraining, encoderBlockId, modeBlockId, taskBlockId } from '../../src/spec/blocks';
import type { BlockTraining } from '../../src/spec/types';

/** What the diagram says under a block trained differently. */
function trainingNotes({ trainable, lrScale }: BlockTraining): string[] {
  if (!trainable) return ['frozen'];
  return lrScale === 1 ? [] : [`rate ×${lrScale}`];
}
import { encoderCopyNames, sharingMode } from '../../src/spec/sharing';

const selectModelDiagram = (s: AppState) => ({
  spec: s.spec,
  blockSettings: s.config.blocks,
  selected: s.selected,
  select: s.select,
  editDesign: s.editDesign,
  running: isTraining(s),
});

/**
 * The network as a picture: input → shared encoder (experts, columns or backbone, as the
 * sharing mode lays it out) → one branch per task (with its gates, attention or own experts) → outputs.
 * Blocks show output shapes and parameter counts; clicking one opens it in the inspector.
 */
export function ModelDiagram({ problems }: { problems: Problem[] }) {
  const { spec, blockSettings, selected, select, editDesign, running } = useApp(selectModelDiagram);
  const notes = (id: string) => trainingNotes(blockTraining(blockSettings, id));
  const shapes = useMemo(() => inferShapes(spec), [spec]);
  const invalid = new Set(problems.map((p) => p.where));
  const mode = sharingMode(spec.sharing);
  const copies = encoderCopyNames(spec).length;

  const blocks = (layers: LayerSpec[], task: number | null, taskName?: string) =>
    layers.map((layer, index) => {
      const path: LayerPath = { task, index };
      const shape = task === null ? shapes.encoder[index] : shapes.tasks[task]?.head[index];
      return (
        <LayerBlock
          key={index}
          title={describeLayer(layer)}
          shape={shape}
          selected={selected?.task === task && selected.index === index}
          notes={notes(task === null ? encoderBlockId(index) : taskBlockId(taskName!))}
          invalid={invalid.has(pathWhere(path, taskName))}
          onClick={() => select(path)}
        />
      );
    });
  const append = (task: number | null, length: number) => {
    editDesign((d) => ({ ...d, spec: addLayer(d.spec, task) }));
    select({ task, index: length });
  };

  return (
    <section className="panel diagram" aria-label="Model">
      <h2>Model</h2>
      <LayerBlock
        kind="io"
        title={`Input · ${spec.input.kind}`}
        shape={{ name: 'input', shape: shapes.input, params: 0, nonTrainable: 0 }}
      />
      <fieldset
        className={`shared${copies > 1 ? ' mmoe' : ''}`}
        aria-label="Shared encoder"
        disabled={running}
      >
        <legend>Shared encoder</legend>
        <SharingControl />
        <p className="muted">
          {mode.explain}
          {copies > 1 &&
            ` The encoder is built ${copies} times; ${mode.encoderLabel} has these layers.`}{' '}
          Shared: {shapes.sharedParams.toLocaleString('en-US')} params.
        </p>
        <div className="stack">{blocks(spec.encoder, null)}</div>
        <button type="button" className="add" onClick={() => append(null, spec.encoder.length)}>
          Add layer
        </button>
        {shapes.sharedBlocks.length > 0 && (
          <div className="stack">
            {shapes.sharedBlocks.map((b) => (
              <LayerBlock
                key={b.name}
                kind="gate"
                title={b.label}
                shape={b}
                notes={notes(modeBlockId(b.name))}
              />
            ))}
          </div>
        )}
      </fieldset>
      <div className="branches">
        {spec.tasks.map((task, t) => {
          const taskShapes = shapes.tasks[t];
          return (
            // A plain box, not a group: the task's group (named after it) is its card.
            <div
              key={t}
              className="branch"
              data-testid={`head-${task.name}`}
              style={{ borderTopColor: taskColor(t) }}
            >
              <div className="branch-title">{task.name}</div>
              {taskShapes?.blocks.map((b) => (
                <LayerBlock
                  key={b.name}
                  kind="gate"
                  title={b.label}
                  shape={b}
                  notes={notes(modeBlockId(b.name))}
                />
              ))}
              <div className="stack">{blocks(task.head, t, task.name)}</div>
              <button
                type="button"
                className="add"
                aria-label={`Add layer to ${task.name}`}
                disabled={running}
                onClick={() => append(t, task.head.length)}
              >
                + layer
              </button>
              <LayerBlock
                kind="io"
                title={`Output ${task.outputUnits} · ${outputActivationName(task.loss)}`}
                shape={taskShapes?.output}
                invalid={invalid.has(`task:${task.name}`)}
                notes={notes(taskBlockId(task.name))}
              />
            </div>
          );
        })}
      </div>
      <Inspector problems={problems} />
    </section>
  );
}
