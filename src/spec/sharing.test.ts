import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from './defaults';
import type { SharingSpec } from './types';
import { encoderCopyNames, SHARING_MODES, sharingMode, sharingModeNamed } from './sharing';

describe('sharing modes', () => {
  it.each(SHARING_MODES.map((m) => [m]))(
    '%s: its initial settings are valid, its layer names unique',
    (mode) => {
      const sharing = sharingModeNamed(mode).initial;
      expect(sharing.mode).toBe(mode);
      expect(sharingMode(sharing).settingProblems(sharing)).toEqual([]);
      const names = encoderCopyNames(sharing, DEFAULT_MODEL.encoder).flat();
      expect(names).toHaveLength(
        sharingMode(sharing).copies(sharing) * DEFAULT_MODEL.encoder.length,
      );
      const taskLayers = sharingMode(sharing)
        .taskLayers(sharing, 'gauss', [2])
        .map((l) => l.name);
      expect(new Set([...names, ...taskLayers]).size).toBe(names.length + taskLayers.length);
    },
  );

  it('MMoE: a gate per task with one weight per input value and expert, 2 to 16 experts', () => {
    const mmoe: SharingSpec = { mode: 'mmoe', experts: 3 };
    expect(sharingMode(mmoe).taskLayers(mmoe, 'a', [4, 4, 1])).toEqual([
      { name: 'a_gate', shape: [3], params: 16 * 3 + 3 },
    ]);
    expect(sharingMode(mmoe).settingProblems({ mode: 'mmoe', experts: 17 })).toEqual([
      { where: 'sharing', message: 'MMoE needs 2 to 16 experts, got 17' },
    ]);
    expect(sharingMode(mmoe).singleRepresentation).toBe(false);
    expect(sharingMode({ mode: 'hard' }).singleRepresentation).toBe(true);
  });
});
