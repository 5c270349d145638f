import { LIMITS } from '../../src/design/validate';
import { SHARING_MODES, sharingModeNamed } from '../../src/spec/sharing';
import type { SharingSpec } from '../../src/spec/types';
import { useApp, type AppState } from '../store';
import { setSharing } from '../store/designEdits';
import { NumberField } from './NumberField';

const selectSharingControl = (s: AppState) => ({
  sharing: s.spec.sharing,
  editDesign: s.editDesign,
});

/** The sharing mode (src/spec/sharing.ts) and its settings: MMoE's expert count. */
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
          onChange={(e) => apply(sharingModeNamed(e.target.value as SharingSpec['mode']).initial)}
        >
          {SHARING_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {sharingModeNamed(mode).label}
            </option>
          ))}
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
