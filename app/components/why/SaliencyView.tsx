import { useMemo } from 'react';
import type { SaliencyInsight } from '../../../src/train/insights/views';
import type { TaskSpec } from '../../../src/spec/types';
import { heatImage } from './heatImage';
import { WhyFigure } from './WhyFigure';

const CELL = 84;
const GAP = 10;
const LABEL = 16;
/** Two caption lines under each map: the prediction and the label. */
const CAPTION = 26;

const said = (task: TaskSpec, v: number) =>
  task.loss === 'softmaxCrossEntropy' ? String(v) : Number(v.toPrecision(2)).toString();

/** For each validation image, each task’s saliency map and prediction, side by side. */
export function SaliencyView({
  view,
  tasks,
  step,
}: {
  view: SaliencyInsight;
  tasks: TaskSpec[];
  step: number;
}) {
  const { width, height, channels } = view;
  const n = view.images.length / (width * height * channels);
  const urls = useMemo(() => {
    const pixels = width * height;
    const grey = (i: number) =>
      Float32Array.from({ length: pixels }, (_, p) => {
        let s = 0;
        for (let c = 0; c < channels; c++) s += view.images[(i * pixels + p) * channels + c]!;
        return s / channels;
      });
    return Array.from({ length: n }, (_, i) => [
      heatImage(grey(i), width, height, 'grey'),
      ...view.maps.map((m) =>
        heatImage(m.subarray(i * pixels, (i + 1) * pixels), width, height, 'heat'),
      ),
    ]);
  }, [view, n, width, height, channels]);
  const columns = ['input', ...tasks.map((t) => t.name)];
  const rowHeight = CELL + CAPTION + GAP;
  return (
    <>
      <p className="muted">
        Step {step}: |{view.method === 'integrated' ? 'integrated gradients' : 'gradient × input'}|
        of each task’s score (its predicted class’s logit, or its output) per pixel, each map scaled
        to its own largest value; under each, what the task predicts and the label.
      </p>
      <WhyFigure
        label={`Saliency per task (${view.method === 'integrated' ? 'integrated gradients' : 'gradient × input'})`}
        width={columns.length * (CELL + GAP)}
        height={LABEL + n * rowHeight}
      >
        {columns.map((c, j) => (
          <text
            key={c}
            x={j * (CELL + GAP) + CELL / 2}
            y={12}
            textAnchor="middle"
            fontSize={12}
            fill="#0f172a"
          >
            {c}
          </text>
        ))}
        {urls.map((row, i) =>
          row.map((href, j) => {
            const task = tasks[j - 1];
            const x = j * (CELL + GAP);
            const y = LABEL + i * rowHeight;
            const wrong =
              task?.loss === 'softmaxCrossEntropy' &&
              view.predictions[j - 1]![i] !== view.truths[j - 1]![i];
            const lines = task
              ? [
                  `predicts ${said(task, view.predictions[j - 1]![i]!)}`,
                  `label ${said(task, view.truths[j - 1]![i]!)}`,
                ]
              : [`example ${view.first + i + 1}`];
            return (
              <g key={`${i}-${j}`}>
                <image
                  href={href}
                  x={x}
                  y={y}
                  width={CELL}
                  height={CELL}
                  preserveAspectRatio="none"
                  style={{ imageRendering: 'pixelated' }}
                >
                  <title>{`${task ? `${task.name}, example ${view.first + i + 1}` : 'input'}: ${lines.join(', ')}`}</title>
                </image>
                {lines.map((line, k) => (
                  <text
                    key={k}
                    x={x + CELL / 2}
                    y={y + CELL + 11 + k * 12}
                    textAnchor="middle"
                    fontSize={10}
                    fill={wrong ? '#b91c1c' : '#334155'}
                  >
                    {line}
                  </text>
                ))}
              </g>
            );
          }),
        )}
      </WhyFigure>
      <p className="muted">White: no influence; blue: the most.</p>
    </>
  );
}
