import { useEffect, useMemo, useRef, useState } from 'react';
import {
  PARETO_X1,
  PARETO_X2,
  TOY_BOUNDS,
  TOY_STARTS,
  onParetoSet,
  toyLosses,
  type Point,
} from '../../src/train/toy/cagradToy';
import { TOY_STRATEGIES, type ToyStrategy } from '../../src/train/toy/toyStrategies';
import { STRATEGY_INFO } from '../../src/spec/weighting';
import { useApp } from '../store';

const SIZE = 360;
const GRID = 120;
const COLORS: Record<ToyStrategy, string> = {
  equal: '#111827',
  mgda: '#2563eb',
  pcgrad: '#16a34a',
  cagrad: '#dc2626',
  rlw: '#a855f7',
  imtl: '#ea580c',
  aligned: '#0891b2',
  nash: '#be185d',
  upgrad: '#65a30d',
};

/** Two decimals, without the "-0.00" of a value that rounds to zero from below. */
const fixed2 = (x: number): string => (Math.abs(x) < 0.005 ? 0 : x).toFixed(2);

const toPixel = ([x1, x2]: Point): [number, number] => [
  ((x1 - TOY_BOUNDS.x1[0]) / (TOY_BOUNDS.x1[1] - TOY_BOUNDS.x1[0])) * SIZE,
  SIZE - ((x2 - TOY_BOUNDS.x2[0]) / (TOY_BOUNDS.x2[1] - TOY_BOUNDS.x2[0])) * SIZE,
];

/** The average loss on a grid, drawn once as a heat map with contour bands. */
function landscapeImage(): ImageData {
  const values: number[] = [];
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const x1 = TOY_BOUNDS.x1[0] + ((c + 0.5) / GRID) * (TOY_BOUNDS.x1[1] - TOY_BOUNDS.x1[0]);
      const x2 = TOY_BOUNDS.x2[1] - ((r + 0.5) / GRID) * (TOY_BOUNDS.x2[1] - TOY_BOUNDS.x2[0]);
      const [a, b] = toyLosses([x1, x2]).losses;
      values.push((a + b) / 2);
    }
  }
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const image = new ImageData(GRID, GRID);
  values.forEach((v, k) => {
    const t = (v - lo) / (hi - lo || 1);
    const band = Math.floor(t * 12) % 2 === 0 ? 0 : 14; // alternating bands read as contours
    image.data[4 * k] = 40 + 200 * t - band;
    image.data[4 * k + 1] = 90 + 120 * (1 - Math.abs(t - 0.5) * 2) - band;
    image.data[4 * k + 2] = 230 - 190 * t - band;
    image.data[4 * k + 3] = 255;
  });
  return image;
}

/**
 * The two-objective toy of the CAGrad / Nash-MTL papers: contours of the average loss, its Pareto
 * set, and live trajectories of the chosen strategies from the chosen starts, computed in the worker.
 */
export function LandscapeView() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const image = useMemo(() => landscapeImage(), []);
  const landscape = useApp((s) => s.landscape);
  const runLandscape = useApp((s) => s.runLandscape);
  const [strategies, setStrategies] = useState<ToyStrategy[]>([
    'equal',
    'mgda',
    'pcgrad',
    'cagrad',
  ]);
  const [starts, setStarts] = useState<number[]>([0, 1, 2]);
  const toggle = <T,>(list: T[], item: T): T[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  useEffect(() => {
    const frame = requestAnimationFrame(() => draw());
    return () => cancelAnimationFrame(frame);
    function draw(): void {
      const ctx = canvas.current?.getContext('2d');
      if (!ctx) return;
      const grid = document.createElement('canvas');
      grid.width = GRID;
      grid.height = GRID;
      grid.getContext('2d')!.putImageData(image, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(grid, 0, 0, SIZE, SIZE);
      // The Pareto set.
      ctx.strokeStyle = '#fde047';
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.moveTo(...toPixel([PARETO_X1[0], PARETO_X2]));
      ctx.lineTo(...toPixel([PARETO_X1[1], PARETO_X2]));
      ctx.stroke();
      for (const [key, path] of Object.entries(landscape.paths)) {
        const strategy = key.split(':')[0] as ToyStrategy;
        ctx.strokeStyle = COLORS[strategy];
        ctx.lineWidth = 2;
        ctx.beginPath();
        path.forEach((p, i) => (i === 0 ? ctx.moveTo(...toPixel(p)) : ctx.lineTo(...toPixel(p))));
        ctx.stroke();
        const [ex, ey] = toPixel(path.at(-1)!);
        ctx.fillStyle = COLORS[strategy];
        ctx.fillRect(ex - 3, ey - 3, 6, 6);
      }
      for (const index of starts) {
        const [sx, sy] = toPixel(TOY_STARTS[index]!);
        ctx.fillStyle = '#fff';
        ctx.strokeStyle = '#111827';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.arc(sx, sy, 5, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      }
    }
  }, [image, landscape, starts]);

  const ends = Object.entries(landscape.paths).map(([key, path]) => {
    const [strategy, start] = key.split(':') as [ToyStrategy, string];
    const end = path.at(-1)!;
    const [a, b] = toyLosses(end).losses;
    return { key, strategy, start: TOY_STARTS[Number(start)]!, end, mean: (a + b) / 2 };
  });
  return (
    <section className="panel landscape" aria-label="Optimization landscape">
      <h2>Optimization landscape</h2>
      <p className="muted">
        Two tasks, two parameters (x₁, x₂): contours of the average loss, the Pareto set in yellow.
        Adam, 100 000 steps, as in the CAGrad paper.
      </p>
      <div className="landscape-body">
        <canvas
          ref={canvas}
          width={SIZE}
          height={SIZE}
          data-testid="landscape-canvas"
          aria-label="Loss landscape with trajectories"
          role="img"
        />
        <div className="landscape-controls">
          <fieldset aria-label="Strategies to compare">
            <legend>Strategies</legend>
            {TOY_STRATEGIES.map((s) => (
              <label key={s} className="check">
                <input
                  type="checkbox"
                  checked={strategies.includes(s)}
                  onChange={() => setStrategies(toggle(strategies, s))}
                />
                <span className="swatch" style={{ background: COLORS[s] }} />
                {STRATEGY_INFO[s].label}
              </label>
            ))}
          </fieldset>
          <fieldset aria-label="Start points">
            <legend>Starts</legend>
            {TOY_STARTS.map((p, i) => (
              <label key={i} className="check">
                <input
                  type="checkbox"
                  checked={starts.includes(i)}
                  onChange={() => setStarts(toggle(starts, i))}
                />
                ({p[0]}, {p[1]})
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            disabled={!strategies.length || !starts.length}
            onClick={() =>
              runLandscape(
                strategies,
                starts.map((i) => TOY_STARTS[i]!),
              )
            }
          >
            Run trajectories
          </button>
          <p className="muted" data-testid="landscape-progress">
            {landscape.total
              ? `${landscape.finished} of ${landscape.total} finished`
              : 'Not run yet'}
          </p>
          {ends.length > 0 && (
            <table className="ends" data-testid="landscape-ends">
              <caption>Where each path ends (so far)</caption>
              <thead>
                <tr>
                  <th scope="col">strategy</th>
                  <th scope="col">start</th>
                  <th scope="col">end (x₁, x₂)</th>
                  <th scope="col">mean loss</th>
                  <th scope="col">Pareto set</th>
                </tr>
              </thead>
              <tbody>
                {ends.map(({ key, strategy, start, end, mean }) => (
                  <tr key={key} data-strategy={strategy}>
                    <th scope="row">
                      <span className="swatch" style={{ background: COLORS[strategy] }} />
                      {STRATEGY_INFO[strategy].label}
                    </th>
                    <td>
                      ({start[0]}, {start[1]})
                    </td>
                    <td data-testid="landscape-end">
                      ({fixed2(end[0])}, {fixed2(end[1])})
                    </td>
                    <td>{mean.toFixed(2)}</td>
                    <td>{onParetoSet(end) ? 'on it' : 'not on it'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}
