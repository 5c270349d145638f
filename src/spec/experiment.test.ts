import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPERIMENT_DRAFT,
  decodeExperimentDraft,
  encodeExperimentDraft,
  experimentMethods,
  type ExperimentDraft,
} from './experiment';
import { DEFAULT_MODEL, DEFAULT_TRAIN } from './defaults';

describe('the experiment in a link', () => {
  it('round-trips the panel settings in a short parameter', () => {
    const draft: ExperimentDraft = {
      strategies: ['equal', 'mgda', 'cagrad'],
      architectures: [],
      seeds: 3,
      steps: 500,
    };
    expect(encodeExperimentDraft(draft)).toBe('equal.mgda.cagrad~3~500');
    expect(decodeExperimentDraft('equal.mgda.cagrad~3~500')).toEqual(draft);
    const withModes = { ...draft, architectures: ['hard', 'mmoe'] } satisfies ExperimentDraft;
    expect(encodeExperimentDraft(withModes)).toBe('equal.mgda.cagrad~3~500~hard.mmoe');
    expect(decodeExperimentDraft('equal.mgda.cagrad~3~500~hard.mmoe')).toEqual(withModes);
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
    ['an unknown architecture', 'equal~3~500~x'],
    ['extra fields', 'equal~3~500~hard~x'],
  ])('refuses %s', (_label, text) => {
    expect(decodeExperimentDraft(text)).toBeNull();
  });
});

describe('the methods an experiment compares', () => {
  const design = { spec: DEFAULT_MODEL, config: DEFAULT_TRAIN };

  it('are the picked weightings on the design’s own architecture when none is picked', () => {
    const methods = experimentMethods({ strategies: ['mgda', 'equal'], architectures: [] }, design);
    expect(methods.map((m) => [m.label, m.weighting.strategy, m.sharing])).toEqual([
      ['Equal', 'equal', undefined],
      ['MGDA-UB (Sener & Koltun)', 'mgda', undefined],
    ]);
  });

  it('cross every picked architecture with every weighting, naming only what varies', () => {
    const mmoe = {
      ...design,
      spec: { ...DEFAULT_MODEL, sharing: { mode: 'mmoe' as const, experts: 5 } },
    };
    const one = experimentMethods({ strategies: ['equal'], architectures: ['mmoe', 'hard'] }, mmoe);
    // The design's own MMoE keeps its 5 experts; hard sharing takes its initial settings.
    expect(one.map((m) => [m.label, m.sharing])).toEqual([
      ['Hard sharing', { mode: 'hard' }],
      ['MMoE', { mode: 'mmoe', experts: 5 }],
    ]);
    const two = experimentMethods(
      { strategies: ['equal', 'pcgrad'], architectures: ['cgc', 'hard'] },
      design,
    );
    expect(two.map((m) => m.label)).toEqual([
      'Hard sharing · Equal',
      'Hard sharing · PCGrad (Yu et al.)',
      'CGC · Equal',
      'CGC · PCGrad (Yu et al.)',
    ]);
    expect(two[2]!.sharing).toEqual({ mode: 'cgc', sharedExperts: 2, taskExperts: 1 });
  });
});
