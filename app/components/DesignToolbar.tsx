import { useMemo, useState } from 'react';
import { PRESETS } from '../../src/design/presets';
import { shareLink } from '../persistence';
import { appStore, useApp, type AppState } from '../store';
import { isTraining } from '../store/selectors';

const selectDesignToolbar = (s: AppState) => ({
  loadPreset: s.loadPreset,
  undo: s.undo,
  redo: s.redo,
  canUndo: s.past.length > 0,
  canRedo: s.future.length > 0,
  running: isTraining(s),
  spec: s.spec,
  config: s.config,
  data: s.data,
});

/** Presets, undo / redo, and a link that reproduces the design. */
export function DesignToolbar() {
  const { loadPreset, undo, redo, canUndo, canRedo, running, spec, config, data } =
    useApp(selectDesignToolbar);
  const [link, setLink] = useState<string | null>(null);
  // The preset the design still is (none once edited): the box shows what is loaded.
  const loaded = useMemo(() => {
    const design = JSON.stringify([spec, config, data]);
    return PRESETS.find((p) => JSON.stringify([p.spec, p.config, p.data]) === design)?.id ?? '';
  }, [spec, config, data]);

  const share = async () => {
    const url = shareLink({ spec, config, data }, appStore.getState().experimentDraft);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      /* no clipboard permission: the link stays visible to copy by hand */
    }
  };

  return (
    <div className="panel toolbar">
      <label className="field grow">
        <span>Preset</span>
        <select
          aria-label="Preset"
          value={loaded}
          disabled={running}
          onChange={(e) => loadPreset(e.target.value)}
        >
          <option value="" disabled>
            Your own design (load a preset…)
          </option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!canUndo || running} onClick={undo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button
        type="button"
        disabled={!canRedo || running}
        onClick={redo}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
      <button type="button" onClick={() => void share()}>
        Share link
      </button>
      {link && (
        <input
          className="share-link"
          aria-label="Share link"
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
        />
      )}
    </div>
  );
}
