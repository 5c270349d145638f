import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../design/presets';
import { DEFAULT_MODEL } from '../defaults';
import { inferShapes } from '../shapes';
import type { ModelSpec, SharingSpec } from '../types';
import { encoderBlocks } from './def';
import { encoderCopyNames, modeContext, SHARING_MODES, sharingMode, sharingModeNamed } from '.';

const tasks = ['gauss', 'plane'];
const design = (sharing: SharingSpec): ModelSpec => ({ ...DEFAULT_MODEL, sharing });

describe('sharing modes', () => {
  it.each(SHARING_MODES.map((m) => [m]))(
    '%s: its initial settings are valid, its layer names unique',
    (mode) => {
      const sharing = sharingModeNamed(mode).initial;
      expect(sharing.mode).toBe(mode);
      expect(sharingMode(sharing).settingProblems(sharing, tasks)).toEqual([]);
      const spec = design(sharing);
      const names = encoderCopyNames(spec).flatMap((c) => c.names);
      const blocks = sharingMode(sharing)
        .blocks(sharing, modeContext(spec, inferShapes(spec).encoder))
        .filter((b) => !b.label.includes('own expert'))
        .flatMap((b) => b.layers);
      expect(new Set([...names, ...blocks]).size).toBe(names.length + blocks.length);
      expect(inferShapes(spec).problems).toEqual([]);
    },
  );

  it('MMoE: a gate per task with one weight per input value and expert, 2 to 16 experts', () => {
    const mmoe: SharingSpec = { mode: 'mmoe', experts: 3 };
    const spec: ModelSpec = {
      ...design(mmoe),
      input: { kind: 'image', height: 4, width: 4, channels: 1 },
      encoder: [],
    };
    const blocks = sharingMode(mmoe).blocks(mmoe, modeContext(spec, []));
    expect(blocks.map((b) => [b.layers, b.params])).toEqual([
      [['gauss_gate'], 16 * 3 + 3],
      [['plane_gate'], 16 * 3 + 3],
    ]);
    expect(sharingMode(mmoe).settingProblems({ mode: 'mmoe', experts: 17 }, tasks)).toEqual([
      { where: 'sharing', message: 'MMoE experts must be 2 to 16, got 17' },
    ]);
    expect(sharingMode(mmoe).singleRepresentation).toBe(false);
    expect(sharingMode({ mode: 'hard' }).singleRepresentation).toBe(true);
  });

  it('cuts the encoder into blocks at layers with weights and before a flatten', () => {
    const spec: ModelSpec = {
      ...DEFAULT_MODEL,
      input: { kind: 'image', height: 8, width: 8, channels: 1 },
      encoder: [
        { type: 'flatten' },
        { type: 'dense', units: 4, activation: 'relu', l2: 0 },
        { type: 'batchNorm' },
        { type: 'dropout', rate: 0.1 },
        { type: 'dense', units: 3, activation: 'relu', l2: 0 },
      ],
    };
    const blocks = (design: ModelSpec) =>
      encoderBlocks(modeContext(design, inferShapes(design).encoder));
    expect(blocks(spec)).toEqual([[0, 1, 2, 3], [4]]);
    const cnn = PRESETS.find((p) => p.id === 'cnn')!.spec;
    expect(blocks(cnn)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    // A trailing Flatten stays with the block before it: no block without weights.
    expect(blocks({ ...cnn, encoder: cnn.encoder.slice(0, 5) })).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  it('counts CGC, PLE, DSelect-k and cross-stitch weights by hand', () => {
    // DEFAULT_MODEL: 2 → 16 → 16 (48 + 272 = 320 weights per copy), two tasks.
    const count = (sharing: SharingSpec) => {
      const shapes = inferShapes(design(sharing));
      return [shapes.sharedParams, shapes.tasks.map((t) => t.blocks.map((b) => b.params))];
    };
    // CGC: 2 shared experts; per task 1 own expert and a gate over 3 from the 2 inputs.
    expect(count({ mode: 'cgc', sharedExperts: 2, taskExperts: 1 })).toEqual([
      640,
      [
        [320, 9],
        [320, 9],
      ],
    ]);
    // PLE: two blocks → task gates at both levels; level-2 gates read 16 values.
    // Shared gate at level 1 over 2 + 2·1 = 4 experts from 2 inputs: 12.
    expect(count({ mode: 'ple', sharedExperts: 2, taskExperts: 1 })).toEqual([
      640 + 12,
      [
        [320, 9, 17 * 3],
        [320, 9, 17 * 3],
      ],
    ]);
    // DSelect-k over 4 experts (2 code bits), k = 2: (2 + 1)·2·(2 + 1) = 18 per gate.
    expect(count({ mode: 'dselectk', experts: 4, selectors: 2, gamma: 1 })).toEqual([
      4 * 320,
      [[18], [18]],
    ]);
    // Cross-stitch: a column per task and a 2×2 unit after each of the two blocks.
    expect(count({ mode: 'crossStitch' })).toEqual([2 * 320 + 2 * 4, [[], []]]);
    // MTAN: masks of 16 from 16 (first block) and from 32 (second).
    expect(count({ mode: 'mtan' })).toEqual([
      320,
      [
        [16 * 16 + 16, 32 * 16 + 16],
        [16 * 16 + 16, 32 * 16 + 16],
      ],
    ]);
  });
});
