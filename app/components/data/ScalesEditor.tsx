import { DEFAULT_GRADNORM_SCALES, GRADNORM_MAX_TASKS } from '../../../src/data/gradnormToy';
import { useApp, type AppState } from '../../store';
import { isTraining } from '../../store/selectors';
import { NumberField } from '../NumberField';

const selectScalesEditor = (s: AppState) => ({
  scales: s.data.scales ?? DEFAULT_GRADNORM_SCALES,
  setScales: s.setScales,
  running: isTraining(s),
});

/** The GradNorm toy's tasks: how many, and the scale σᵢ of each one's target. */
export function ScalesEditor() {
  const { scales, setScales, running } = useApp(selectScalesEditor);
  const resize = (count: number) => {
    if (!Number.isInteger(count) || count < 2 || count > GRADNORM_MAX_TASKS) return;
    setScales(Array.from({ length: count }, (_, i) => scales[i] ?? 10 ** (i % 3)));
  };
  return (
    <div className="scales" role="group" aria-label="Task scales">
      <NumberField
        label="Tasks"
        value={scales.length}
        min={2}
        max={GRADNORM_MAX_TASKS}
        step={1}
        disabled={running}
        onValue={resize}
      />
      {scales.map((sigma, i) => (
        <NumberField
          key={i}
          label={`σ t${i + 1}`}
          value={sigma}
          min={0}
          step={1}
          disabled={running}
          onValue={(v) => setScales(scales.map((s, k) => (k === i ? v : s)))}
        />
      ))}
    </div>
  );
}
