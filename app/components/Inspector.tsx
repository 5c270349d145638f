import { sharingMode } from '../../src/spec/sharing';
import { layerLabel, layerTypes, newLayer } from '../../src/layers/registry';
import type { LayerSpec, LayerType, Problem } from '../../src/spec/types';
import { useApp, type AppState } from '../store';
import { isTraining } from '../store/selectors';
import {
  layersAt,
  moveLayer,
  removeLayer,
  updateLayer,
  type LayerPath,
} from '../store/designEdits';
import { LayerFields } from './LayerFields';

/** Where a layer's validation problems are filed. */
export function pathWhere(path: LayerPath, taskName: string | undefined): string {
  return path.task === null ? `encoder[${path.index}]` : `task:${taskName}.head[${path.index}]`;
}

const selectInspector = (s: AppState) => ({
  selected: s.selected,
  spec: s.spec,
  editDesign: s.editDesign,
  select: s.select,
  running: isTraining(s),
});

/** Edits the selected layer: its type, its parameters, its place. */
export function Inspector({ problems }: { problems: Problem[] }) {
  const { selected, spec, editDesign, select, running } = useApp(selectInspector);
  const layers = selected ? layersAt(spec, selected.task) : [];
  const layer = selected ? layers[selected.index] : undefined;
  if (!selected || !layer)
    return <p className="muted inspector-empty">Click a layer in the diagram to edit it here.</p>;

  const taskName = selected.task === null ? undefined : spec.tasks[selected.task]?.name;
  const owner =
    selected.task === null ? sharingMode(spec.sharing).encoderLabel : `the head of ${taskName}`;
  const here = problems.filter((p) => p.where === pathWhere(selected, taskName));
  const edit = (change: (s: typeof spec) => typeof spec, key?: string) =>
    editDesign((d) => ({ ...d, spec: change(d.spec) }), key);
  const change = (next: LayerSpec) =>
    edit((s) => updateLayer(s, selected, next), `layer:${selected.task}:${selected.index}`);
  const move = (delta: -1 | 1) => {
    edit((s) => moveLayer(s, selected, delta));
    select({ ...selected, index: selected.index + delta });
  };

  return (
    <fieldset className="inspector" aria-label="Layer" disabled={running}>
      <legend>
        Layer {selected.index + 1} of {owner}
      </legend>
      <div className="inspector-fields">
        <label className="field">
          <span>Layer type</span>
          <select
            aria-label="Layer type"
            value={layer.type}
            onChange={(e) => change(newLayer(e.target.value as LayerType))}
          >
            {layerTypes().map((t) => (
              <option key={t} value={t}>
                {layerLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <LayerFields layer={layer} disabled={running} onChange={change} />
      </div>
      {here.map((p, i) => (
        <p key={i} className="inline-error">
          {p.message}
        </p>
      ))}
      <div className="row">
        <button type="button" disabled={selected.index === 0} onClick={() => move(-1)}>
          Move up
        </button>
        <button
          type="button"
          disabled={selected.index === layers.length - 1}
          onClick={() => move(1)}
        >
          Move down
        </button>
        <button
          type="button"
          onClick={() => {
            edit((s) => removeLayer(s, selected));
            select(null);
          }}
        >
          Remove layer
        </button>
      </div>
    </fieldset>
  );
}
