import type { AttentionInsight } from '../../../src/train/insights/views';
import { Heatmap } from './Heatmap';

/** Where each position of one validation sequence looks, per SelfAttention layer and head. */
export function AttentionView({ view, step }: { view: AttentionInsight; step: number }) {
  const tokens = view.tokens.map((t, i) => `${i + 1}:${t}`);
  return (
    <>
      <p className="muted">
        Step {step}, validation sequence {view.example + 1} (position:token). Row: a position; its
        cells: how much it attends to each position (a row sums to 1).
      </p>
      {view.layers.map(({ layer, heads }) => (
        <div key={layer} className="why-row">
          {heads.map((head, h) => (
            <Heatmap
              key={h}
              label={`${layer}, head ${h + 1}`}
              rows={tokens}
              columns={tokens}
              values={head}
              cell={20}
            />
          ))}
        </div>
      ))}
    </>
  );
}
