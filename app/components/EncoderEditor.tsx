import { useMemo } from 'react';
import { inferShapes } from '../../src/spec/shapes';
import { useApp } from '../store';
import { addEncoderLayer, removeEncoderLayer, updateEncoderLayer } from '../store/designEdits';
import { LayerRow } from './LayerRow';

/** The shared encoder: the layers every task's head sits on. */
export function EncoderEditor() {
  const spec = useApp((s) => s.spec);
  const editDesign = useApp((s) => s.editDesign);
  const running = useApp((s) => s.run.state === 'running');
  const shapes = useMemo(() => inferShapes(spec), [spec]);
  const editSpec = (edit: typeof addEncoderLayer) =>
    editDesign((d) => ({ ...d, spec: edit(d.spec) }));

  return (
    <fieldset className="panel" aria-label="Shared encoder">
      <legend>Shared encoder</legend>
      <p className="muted">
        Input: {spec.inputDim} features · {shapes.encoderParams.toLocaleString('en-US')} shared
        parameters
      </p>
      <ol className="layers">
        {spec.encoder.map((layer, i) => (
          <LayerRow
            key={i}
            layer={layer}
            shape={shapes.encoder[i]}
            disabled={running}
            onChange={(next) => editSpec((s) => updateEncoderLayer(s, i, next))}
            onRemove={() => editSpec((s) => removeEncoderLayer(s, i))}
          />
        ))}
      </ol>
      {spec.encoder.length === 0 && (
        <p className="muted">No shared layers: every head reads the input directly.</p>
      )}
      <button type="button" disabled={running} onClick={() => editSpec(addEncoderLayer)}>
        Add layer
      </button>
    </fieldset>
  );
}
