import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPERIMENT_DRAFT,
  decodeExperimentDraft,
  encodeExperimentDraft,
} from './experiment';

describe('the experiment in a link', () => {
  it('round-trips the panel settings in a short parameter', () => {
    const draft = { strategies: ['equal', 'mgda', 'cagrad'] as const, seeds: 3, steps: 500 };
    const text = encodeExperimentDraft({ ...draft, strategies: [...draft.strategies] });
    expect(text).toBe('equal.mgda.cagrad~3~500');
    expect(decodeExperimentDraft(text)).toEqual({ ...draft, strategies: [...draft.strategies] });
    expect(decodeExperimentDraft(encodeExperimentDraft(DEFAULT_EXPERIMENT_DRAFT))).toEqual(
      DEFAULT_EXPERIMENT_DRAFT,
    );
  });

  it.each([
    ['an unknown method', 'equal.nope~3~500'],
    ['no method', '~3~500'],
    ['zero seeds', 'equal~0~500'],
    ['too many seeds', 'equal~21~500'],
    ['a fractional budget', 'equal~3~2.5'],
    ['extra fields', 'equal~3~500~x'],
  ])('refuses %s', (_label, text) => {
    expect(decodeExperimentDraft(text)).toBeNull();
  });
});
