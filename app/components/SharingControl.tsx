import { LIMITS } from '../../src/design/validate';
import { useApp, type AppState } from '../store';
import { setSharing } from '../store/designEdits';
import { NumberField } from './NumberField';

const selectSharingControl = (s: AppState) => ({
  sharing: s.spec.sharing,
  editDesign: s.editDesign,
});

/** Hard sharing or MMoE, and how many experts. */
export function SharingControl() {
  const { sharing, editDesign } = useApp(selectSharingControl);
  const apply = (next: typeof sharing, key?: string) =>
    editDesign((d) => ({ ...d, spec: setSharing(d.spec, next) }), key);
  return (
    <div className="row">
      <label className="field grow">
        <span>Sharing</span>
        <select
          aria-label="Sharing"
          value={sharing.mode}
          onChange={(e) =>
            apply(e.target.value === 'mmoe' ? { mode: 'mmoe', experts: 3 } : { mode: 'hard' })
          }
        >
          <option value="hard">Hard sharing: one encoder under every head</option>
          <option value="mmoe">MMoE: experts mixed by a gate per task</option>
        </select>
      </label>
      {sharing.mode === 'mmoe' && (
        <NumberField
          label="Experts"
          value={sharing.experts}
          min={2}
          max={LIMITS.maxExperts}
          onValue={(experts) => apply({ mode: 'mmoe', experts }, 'experts')}
        />
      )}
    </div>
  );
}
