import { SHARING_MODES, sharingMode, sharingModeNamed } from '../../src/spec/sharing';
import type { SharingSpec } from '../../src/spec/types';
import { useApp, type AppState } from '../store';
import { setSharing } from '../store/designEdits';
import { NumberField } from './NumberField';

const selectSharingControl = (s: AppState) => ({
  sharing: s.spec.sharing,
  editDesign: s.editDesign,
});

/** The sharing mode (src/spec/sharing/) and its settings, as the mode's fields list them. */
export function SharingControl() {
  const { sharing, editDesign } = useApp(selectSharingControl);
  const apply = (next: SharingSpec, key?: string) =>
    editDesign((d) => ({ ...d, spec: setSharing(d.spec, next) }), key);
  const settings = sharing as unknown as Record<string, number>;
  return (
    <div className="row wrap">
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
      {sharingMode(sharing).fields.map((field) => (
        <NumberField
          key={`${sharing.mode}-${field.key}`}
          label={field.label}
          value={settings[field.key]!}
          min={field.min}
          max={field.max}
          step={field.integer ? 1 : 'any'}
          onValue={(value) =>
            apply(
              { ...sharing, [field.key]: value } as unknown as SharingSpec,
              `${sharing.mode}-${field.key}`,
            )
          }
        />
      ))}
    </div>
  );
}
