import { useEffect, useRef } from 'react';
import type { TargetInfo } from '../../src/data/dataset';
import type { DataPreview } from '../../src/data/preview';
import type { DecisionMap } from '../../src/train/predictionViews';
import { drawPoints } from '../charts/drawPoints';
import { classRgb, divergingRgb, extent, lighten } from '../charts/labelColors';
import { useApp, type AppState } from '../store';

const SIZE = 150;
/** Training points drawn over each map: enough to see the data, few enough to see the map. */
const POINTS = 250;

/** The colour of one cell of a map. */
function cellRgb(map: DecisionMap, value: number, range: [number, number]) {
  if (map.kind === 'probability') return lighten(divergingRgb(value), 0.25);
  if (map.kind === 'class') return lighten(classRgb(Math.round(value)), 0.5);
  return lighten(divergingRgb((value - range[0]) / (range[1] - range[0])), 0.25);
}

function MapCanvas(props: {
  name: string;
  map: DecisionMap;
  info: TargetInfo | undefined;
  points: { x: Float32Array; labels: Float32Array } | null;
}) {
  const { name, map, info, points } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const side = Math.round(Math.sqrt(map.values.length));
    // Regression maps share the scale of the task's labels, so map and points read alike.
    const range =
      points && info?.kind === 'regression' ? extent(points.labels) : extent(map.values);
    const cells = new ImageData(side, side);
    map.values.forEach((v, i) => cells.data.set([...cellRgb(map, v, range), 255], i * 4));
    const grid = new OffscreenCanvas(side, side);
    grid.getContext('2d')!.putImageData(cells, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(grid, 0, 0, SIZE, SIZE);
    if (points && info) drawPoints(ctx, SIZE, points.x, points.labels, info, POINTS);
  }, [map, info, points]);
  return (
    <figure className="decision-map">
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={`Decision map of ${name}`}
        data-testid={`decision-map-${name}`}
      />
      <figcaption>{name}</figcaption>
    </figure>
  );
}

function pointsFor(preview: DataPreview | null, target: string) {
  if (!preview || preview.sample.kind !== 'points') return null;
  const labels = preview.labels[target];
  return labels ? { x: preview.sample.x, labels } : null;
}

const selectDecisionMaps = (s: AppState) => ({
  maps: s.run.decisionMaps,
  tasks: s.run.tasks,
  spec: s.spec,
  preview: s.dataPreview.preview,
});

/**
 * One small map per task over the plane, as TensorFlow Playground draws its one: what the model
 * predicts at every point (class probability or value), with training points on top. Redrawn at
 * every validation from the worker's predictions on a grid.
 */
export function DecisionMaps() {
  const { maps, tasks, spec, preview } = useApp(selectDecisionMaps);
  if (!maps) return null;
  return (
    <section className="panel decision-maps" aria-label="Decision maps">
      <h2>
        What each task predicts over the plane <span className="muted">at step {maps.step}</span>
      </h2>
      <div className="map-row">
        {maps.maps.map((map, i) => {
          const name = tasks[i] ?? `task ${i + 1}`;
          const target = spec.tasks.find((t) => t.name === name)?.target ?? name;
          return (
            <MapCanvas
              key={name}
              name={name}
              map={map}
              info={preview?.targets[target]}
              points={pointsFor(preview, target)}
            />
          );
        })}
      </div>
    </section>
  );
}
