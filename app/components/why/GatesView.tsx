import type { ReadoutValues } from '../../../src/train/insights/readouts';
import { Heatmap } from './Heatmap';

/** Each gate's mean weight on each expert (a row sums to 1), or each MTAN mask's mean opening. */
export function GatesView({ gates, step }: { gates: ReadoutValues[]; step: number }) {
  return (
    <>
      <p className="muted">
        Step {step}, mean over validation examples. A gate’s row sums to 1: the share of each expert
        in what that task reads.
      </p>
      <div className="why-row">
        {gates.map((g) => (
          <Heatmap
            key={g.title}
            label={g.title}
            rows={g.rows.map((r) => r.label)}
            columns={g.columns}
            values={g.rows.map((r) => r.values)}
            max={1}
          />
        ))}
      </div>
    </>
  );
}
