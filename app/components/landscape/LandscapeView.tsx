import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { TOY_STARTS } from '../../../src/train/toy/cagradToy';
import { TOY_STRATEGIES, type ToyStrategy } from '../../../src/train/toy/toyStrategies';
import { STRATEGY_INFO } from '../../../src/spec/weighting';
import { useApp, type AppState } from '../../store';
import { COLORS, SIZE, drawLandscape, landscapeImage } from './landscapeDrawing';
import { LandscapeEnds } from './LandscapeEnds';

const toggle = <T,>(list: T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

/** A fieldset of checkboxes, one per item: the ones in `chosen` are checked. */
function CheckList<T>(props: {
  legend: string;
  name: string;
  items: readonly T[];
  chosen: T[];
  onChange: (chosen: T[]) => void;
  label: (item: T) => ReactNode;
}) {
  const { legend, name, items, chosen, onChange, label } = props;
  return (
    <fieldset aria-label={name}>
      <legend>{legend}</legend>
      {items.map((item, i) => (
        <label key={i} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(item)}
            onChange={() => onChange(toggle(chosen, item))}
          />
          {label(item)}
        </label>
      ))}
    </fieldset>
  );
}

const selectLandscapeView = (s: AppState) => ({
  landscape: s.landscape,
  runLandscape: s.runLandscape,
});

/**
 * The two-objective toy of the CAGrad / Nash-MTL papers: contours of the average loss, its Pareto
 * set, and live trajectories of the chosen strategies from the chosen starts, computed in the worker.
 */
export function LandscapeView() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const image = useMemo(() => landscapeImage(), []);
  const { landscape, runLandscape } = useApp(selectLandscapeView);
  const [strategies, setStrategies] = useState<ToyStrategy[]>([
    'equal',
    'mgda',
    'pcgrad',
    'cagrad',
  ]);
  const [starts, setStarts] = useState<number[]>([0, 1, 2]);

  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const ctx = canvas.current?.getContext('2d');
      if (ctx) drawLandscape(ctx, image, landscape.paths, starts);
    });
    return () => cancelAnimationFrame(frame);
  }, [image, landscape, starts]);

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
          <CheckList
            legend="Strategies"
            name="Strategies to compare"
            items={TOY_STRATEGIES}
            chosen={strategies}
            onChange={setStrategies}
            label={(s) => (
              <>
                <span className="swatch" style={{ background: COLORS[s] }} />
                {STRATEGY_INFO[s].label}
              </>
            )}
          />
          <CheckList
            legend="Starts"
            name="Start points"
            items={TOY_STARTS.map((_, i) => i)}
            chosen={starts}
            onChange={setStarts}
            label={(i) => `(${TOY_STARTS[i]![0]}, ${TOY_STARTS[i]![1]})`}
          />
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
          <LandscapeEnds paths={landscape.paths} />
        </div>
      </div>
    </section>
  );
}
