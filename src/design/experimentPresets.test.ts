import { describe, expect, it } from 'vitest';
import {
  cellDesign,
  experimentCells,
  experimentMethods,
  experimentSeeds,
} from '../spec/experiment';
import { EXPERIMENT_PRESETS } from './experimentPresets';
import { PRESETS } from './presets';
import { validateDesign } from './validateDesign';

describe('experiment presets', () => {
  it.each(EXPERIMENT_PRESETS.map((p) => [p.label, p] as const))(
    '%s: every run of its grid is a valid design',
    (_label, preset) => {
      const design = PRESETS.find((p) => p.id === preset.design)!;
      expect(design).toBeDefined();
      const spec = {
        id: preset.id,
        createdAt: 0,
        design,
        methods: experimentMethods(preset.draft, design),
        seeds: experimentSeeds(design.config.seed, preset.draft.seeds),
        steps: preset.draft.steps,
      };
      for (const cell of experimentCells(spec))
        expect(validateDesign(cellDesign(spec, cell))).toEqual([]);
    },
  );
});
