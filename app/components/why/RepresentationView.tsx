import { useState } from 'react';
import type { RepresentationInsight } from '../../../src/train/insights/views';
import type { TaskSpec } from '../../../src/spec/types';
import { classRgb, css, divergingRgb, extent } from '../../charts/labelColors';
import { formatNumber } from '../../format';
import { InlineSelect } from '../InlineSelect';
import { WhyFigure } from './WhyFigure';

const SIZE = 320;
const PAD = 16;

/** The validation examples in the two leading principal axes of what the heads read. */
export function RepresentationView({
  view,
  tasks,
  step,
}: {
  view: RepresentationInsight;
  tasks: TaskSpec[];
  step: number;
}) {
  const [colourBy, setColourBy] = useState(0);
  const by = Math.min(colourBy, tasks.length - 1);
  const task = tasks[by]!;
  const labels = view.labels[by]!;
  const classes = task.loss === 'softmaxCrossEntropy';
  const n = view.points.length / 2;
  const xs = view.points.filter((_, k) => k % 2 === 0);
  const ys = view.points.filter((_, k) => k % 2 === 1);
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const [l0, l1] = extent(labels);
  const sx = (v: number) => PAD + ((v - x0) / (x1 - x0)) * (SIZE - 2 * PAD);
  const sy = (v: number) => SIZE - PAD - ((v - y0) / (y1 - y0)) * (SIZE - 2 * PAD);
  const colour = (v: number) => css(classes ? classRgb(v) : divergingRgb((v - l0) / (l1 - l0)));
  const whose =
    view.task === null
      ? 'the shared representation (every head reads it)'
      : `${tasks[view.task]!.name}’s input (its own mixture or stream)`;
  const percent = (v: number) => `${(v * 100).toFixed(0)} %`;
  return (
    <>
      <p className="muted">
        Step {step}: {n} validation examples, {whose}: output of {view.layer}, {view.width} wide, on
        its two principal axes ({percent(view.explained[0])} and {percent(view.explained[1])} of its
        variance). Examples of one colour together: that task is easy to read from here.
      </p>
      <InlineSelect<number>
        label="Colour by"
        value={by}
        options={tasks.map((t, i) => ({ value: i, label: t.name }))}
        onChange={setColourBy}
      />
      <WhyFigure
        label={`Shared representation coloured by ${task.name}`}
        width={SIZE}
        height={SIZE + 20}
      >
        <rect
          x={PAD}
          y={PAD}
          width={SIZE - 2 * PAD}
          height={SIZE - 2 * PAD}
          fill="none"
          stroke="#e2e8f0"
        />
        {Array.from({ length: n }, (_, i) => (
          <circle
            key={i}
            cx={sx(xs[i]!)}
            cy={sy(ys[i]!)}
            r={3}
            fill={colour(labels[i]!)}
            fillOpacity={0.8}
          >
            <title>{`${task.name}: ${classes ? `class ${labels[i]}` : formatNumber(labels[i]!)}`}</title>
          </circle>
        ))}
        <text x={SIZE / 2} y={SIZE + 12} textAnchor="middle" fontSize={11} fill="#334155">
          PC1 ({percent(view.explained[0])})
        </text>
        <text
          x={4}
          y={SIZE / 2}
          fontSize={11}
          fill="#334155"
          transform={`rotate(-90 8 ${SIZE / 2})`}
        >
          PC2 ({percent(view.explained[1])})
        </text>
      </WhyFigure>
    </>
  );
}
