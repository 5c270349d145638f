import type { SharingSpec } from '../types';
import { defineSharing, type SharingDef } from './def';
import {
  buildMixture,
  countProblem,
  expertTotalProblem,
  MAX_EXPERTS,
  mixtureBlocks,
  mixtureReadouts,
  mixtureCopies,
  mixtureShapeProblems,
  pythonMixture,
  type MixturePlan,
} from './mixture';
import { DSELECT_GATE_PYTHON } from './dselectGatePython';

type Mode<M extends SharingSpec['mode']> = Extract<SharingSpec, { mode: M }>;

/** A mixture mode's entry, from how its settings lay out the experts. */
function mixtureMode<S extends SharingSpec>(
  plan: (sharing: S) => MixturePlan,
  def: Pick<
    SharingDef<S>,
    'name' | 'label' | 'explain' | 'initial' | 'fields' | 'settingProblems' | 'pythonSupport'
  >,
): SharingDef<S> {
  return defineSharing<S>({
    ...def,
    layerLabel: 'Expert layer',
    encoderLabel: 'every expert',
    copies: (s, tasks) => mixtureCopies(plan(s), tasks),
    blocks: (s, context) => mixtureBlocks(plan(s), context),
    readouts: (s, context) => mixtureReadouts(plan(s), context),
    settingProblems: (s, tasks) => {
      const own = def.settingProblems(s, tasks);
      return own.length ? own : expertTotalProblem(plan(s), tasks);
    },
    shapeProblems: (s, context) => mixtureShapeProblems(plan(s), context),
    passes: (s, tasks) => plan(s).shared + plan(s).perTask * tasks.length,
    singleRepresentation: false,
    build: (s, context) => buildMixture(plan(s), context),
    python: (s, context) => pythonMixture(plan(s), context),
  });
}

const SOFTMAX = { kind: 'softmax' } as const;

/** Experts mixed per task by a softmax gate on the input (Ma et al., KDD 2018). */
export const mmoe = mixtureMode<Mode<'mmoe'>>(
  (s) => ({ name: 'MMoE', shared: s.experts, perTask: 0, multiLevel: false, gate: SOFTMAX }),
  {
    name: 'MMoE',
    label: 'MMoE: experts mixed by a gate per task',
    explain: 'Each task mixes every expert with its own softmax gate on the input.',
    initial: { mode: 'mmoe', experts: 3 },
    fields: [{ key: 'experts', label: 'Experts', min: 2, max: MAX_EXPERTS, integer: true }],
    settingProblems: (s) => countProblem('MMoE experts', s.experts, 2, MAX_EXPERTS),
  },
);

/** CGC and PLE: shared experts plus each task's own, in one level or one per encoder block. */
function sharedAndOwnMode<S extends Mode<'cgc'> | Mode<'ple'>>(
  mode: S['mode'],
  name: string,
  multiLevel: boolean,
  text: Pick<SharingDef<S>, 'label' | 'explain'>,
): SharingDef<S> {
  return mixtureMode<S>(
    (s) => ({ name, shared: s.sharedExperts, perTask: s.taskExperts, multiLevel, gate: SOFTMAX }),
    {
      ...text,
      name,
      initial: { mode, sharedExperts: 2, taskExperts: 1 } as S,
      fields: [
        { key: 'sharedExperts', label: 'Shared experts', min: 1, max: MAX_EXPERTS, integer: true },
        { key: 'taskExperts', label: 'Experts per task', min: 1, max: MAX_EXPERTS, integer: true },
      ],
      settingProblems: (s) => [
        ...countProblem(`${name} shared experts`, s.sharedExperts, 1, MAX_EXPERTS),
        ...countProblem(`${name} experts per task`, s.taskExperts, 1, MAX_EXPERTS),
      ],
    },
  );
}

/** Shared experts plus each task's own, mixed by the task's gate (Tang et al., RecSys 2020). */
export const cgc = sharedAndOwnMode<Mode<'cgc'>>('cgc', 'CGC', false, {
  label: 'CGC: shared experts plus each task’s own',
  explain: 'Each task’s gate mixes its own experts with the shared ones.',
});

/** CGC stacked once per encoder block, with a shared gate between levels (Tang et al., 2020). */
export const ple = sharedAndOwnMode<Mode<'ple'>>('ple', 'PLE', true, {
  label: 'PLE: CGC at every encoder block (progressive)',
  explain:
    'Every encoder block is one extraction level: task and shared experts, gated, feed the next level.',
});

/** Experts picked by k differentiable selectors per task (Hazimeh et al., NeurIPS 2021). */
export const dselectk = mixtureMode<Mode<'dselectk'>>(
  (s) => ({
    name: 'DSelect-k',
    shared: s.experts,
    perTask: 0,
    multiLevel: false,
    gate: { kind: 'dselect', selectors: s.selectors, gamma: s.gamma },
  }),
  {
    name: 'DSelect-k',
    label: 'DSelect-k: each task selects k experts',
    explain:
      'Each task’s k selectors each pick one expert through smooth binary codes; softmax weights mix the picks.',
    initial: { mode: 'dselectk', experts: 4, selectors: 2, gamma: 1 },
    fields: [
      { key: 'experts', label: 'Experts', min: 2, max: MAX_EXPERTS, integer: true },
      { key: 'selectors', label: 'Selectors (k)', min: 1, max: MAX_EXPERTS, integer: true },
      { key: 'gamma', label: 'Smooth-step γ', min: 0.01, max: 100, integer: false },
    ],
    settingProblems: (s) => [
      ...countProblem('DSelect-k experts', s.experts, 2, MAX_EXPERTS),
      ...countProblem('DSelect-k selectors', s.selectors, 1, Math.max(1, s.experts)),
      ...(Number.isFinite(s.gamma) && s.gamma >= 0.01 && s.gamma <= 100
        ? []
        : [
            {
              where: 'sharing',
              message: `DSelect-k's smooth-step γ must be 0.01 to 100, got ${String(s.gamma)}`,
            },
          ]),
    ],
    pythonSupport: [DSELECT_GATE_PYTHON],
  },
);
