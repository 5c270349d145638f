import { useEffect, useRef, useState } from 'react';
import type { DataPreview } from '../../../src/data/preview';
import { drawPoints } from '../../charts/drawPoints';

const SIZE = 220;

/** The 2-D points of the training split, coloured by the target the person picks. */
export function PointsPreview({ preview, x }: { preview: DataPreview; x: Float32Array }) {
  const names = Object.keys(preview.targets);
  const [chosen, setChosen] = useState(names[0] ?? '');
  const target = names.includes(chosen) ? chosen : (names[0] ?? '');
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    const info = preview.targets[target];
    const labels = preview.labels[target];
    if (!ctx || !info || !labels) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.fillStyle = '#f8fafc';
    ctx.fillRect(0, 0, SIZE, SIZE);
    drawPoints(ctx, SIZE, x, labels, info);
  }, [preview, x, target]);

  return (
    <div className="points-preview">
      <label className="field inline">
        <span>Colour by</span>
        <select aria-label="Colour by" value={target} onChange={(e) => setChosen(e.target.value)}>
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        data-testid="preview-points"
        role="img"
        aria-label={`${preview.count} training points coloured by ${target}`}
      />
    </div>
  );
}
