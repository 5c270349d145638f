import { DEFAULT_CORRELATION } from '../../../src/data/correlatedTasks';
import { useApp, type AppState } from '../../store';
import { isTraining } from '../../store/selectors';
import { NumberField } from '../NumberField';

const selectDataOptions = (s: AppState) => ({
  data: s.data,
  setDataOptions: s.setDataOptions,
  running: isTraining(s),
});

/** How much data, how noisy, how it is split, and which random draw: each makes a new dataset. */
export function DataOptions() {
  const { data, setDataOptions, running } = useApp(selectDataOptions);
  const fromFile = data.kind === 'csv';
  const synthetic = !fromFile && data.kind !== 'multimnist' && data.kind !== 'mnist';
  return (
    <div className="grid4">
      {!fromFile && (
        <NumberField
          label="Examples"
          value={data.size}
          min={10}
          step={100}
          disabled={running}
          onValue={(size) => setDataOptions({ size })}
        />
      )}
      {synthetic && (
        <NumberField
          label="Noise"
          value={data.noise}
          min={0}
          max={1}
          step={0.05}
          disabled={running}
          onValue={(noise) => setDataOptions({ noise })}
        />
      )}
      {data.kind === 'correlated' && (
        <NumberField
          label="Task correlation ρ"
          value={data.correlation ?? DEFAULT_CORRELATION}
          min={-1}
          max={1}
          step={0.1}
          disabled={running}
          onValue={(correlation) => setDataOptions({ correlation })}
        />
      )}
      <NumberField
        label="Validation %"
        value={Math.round(data.valFraction * 1000) / 10}
        min={5}
        max={90}
        step={5}
        disabled={running}
        onValue={(percent) => setDataOptions({ valFraction: percent / 100 })}
      />
      <NumberField
        label="Data seed"
        value={data.seed}
        step={1}
        disabled={running}
        onValue={(seed) => setDataOptions({ seed })}
      />
    </div>
  );
}
