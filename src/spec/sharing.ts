import { formatShape, type Shape } from '../layers/shape';
import { encoderLayerName, expertLayerName, gateLayerName } from './naming';
import type { InputSpec, LayerSpec, Problem, SharingSpec } from './types';

/** Most experts a mixture may have. */
export const MAX_EXPERTS = 16;

/**
 * What a sharing mode means for a design, apart from tf.js: how many copies of the encoder it
 * builds and what they are called, which extra layers each task owns, what it refuses, and
 * whether one shared representation exists (for strategies that take gradients there). The
 * model builder and the Python export add the layers themselves (src/model/buildModel.ts,
 * src/io/kerasCode.ts).
 */
interface SharingModeInfo<S extends SharingSpec> {
  /** The option in the builder. */
  label: string;
  /** The settings a design takes when this mode is picked. */
  initial: S;
  /** The encoder's layers are built this many times (MMoE's experts). */
  copies(sharing: S): number;
  /** Name of layer `index` of encoder copy `copy`. */
  layerName(copy: number, index: number, layer: LayerSpec): string;
  /** What the diagram and messages call the encoder's layers and the encoder. */
  layerLabel: string;
  encoderLabel: string;
  /** Layers a task owns besides its head and output (MMoE's gate), with their output shape and weights. */
  taskLayers(
    sharing: S,
    task: string,
    input: Shape,
  ): { name: string; shape: Shape; params: number }[];
  /** What is wrong with the mode's own settings (MMoE's expert count). */
  settingProblems(sharing: S): Problem[];
  /** Why this mode cannot build this design; `shared` is one encoder copy's output. */
  shapeProblems(sharing: S, input: InputSpec, shared: Shape | null): Problem[];
  /** The shape each task's head reads, from one encoder copy's output (null: none can be built). */
  headInput(shared: Shape | null): Shape | null;
  /** Whether every task reads the same encoder output (gradients can be taken there). */
  singleRepresentation: boolean;
}

type ModeInfos = { [M in SharingSpec['mode']]: SharingModeInfo<Extract<SharingSpec, { mode: M }>> };

const MODES: ModeInfos = {
  hard: {
    label: 'Hard sharing: one encoder under every head',
    initial: { mode: 'hard' },
    copies: () => 1,
    layerName: (_copy, index, layer) => encoderLayerName(index, layer),
    layerLabel: 'Shared layer',
    encoderLabel: 'the shared encoder',
    taskLayers: () => [],
    settingProblems: () => [],
    shapeProblems: () => [],
    headInput: (shared) => shared,
    singleRepresentation: true,
  },
  mmoe: {
    label: 'MMoE: experts mixed by a gate per task',
    initial: { mode: 'mmoe', experts: 3 },
    copies: (s) => s.experts,
    layerName: expertLayerName,
    layerLabel: 'Expert layer',
    encoderLabel: 'every expert',
    // A softmax gate per task over the flattened input: one weight per input value and expert.
    taskLayers: (s, task, input) => [
      {
        name: gateLayerName(task),
        shape: [s.experts],
        params: input.reduce((a, b) => a * b, 1) * s.experts + s.experts,
      },
    ],
    settingProblems: (s) =>
      Number.isInteger(s.experts) && s.experts >= 2 && s.experts <= MAX_EXPERTS
        ? []
        : [
            {
              where: 'sharing',
              message: `MMoE needs 2 to ${MAX_EXPERTS} experts, got ${String(s.experts)}`,
            },
          ],
    shapeProblems: (_s, input, shared) => [
      ...(shared && shared.length !== 1
        ? [
            {
              where: 'sharing',
              message: `MMoE mixes expert vectors, but an expert outputs ${formatShape(shared)}: end it with Flatten or GlobalAveragePooling`,
            },
          ]
        : []),
      ...(input.kind === 'tokens'
        ? [
            {
              where: 'sharing',
              message:
                'MMoE gates read the input as numbers, which token ids are not: use hard sharing for token inputs',
            },
          ]
        : []),
    ],
    // A gate mixes expert vectors: other outputs cannot be mixed.
    headInput: (shared) => (shared?.length === 1 ? shared : null),
    singleRepresentation: false,
  },
};

/** The sharing modes, in the builder's order. */
export const SHARING_MODES = Object.keys(MODES) as SharingSpec['mode'][];

/** A mode's option label and initial settings, by name. */
export const sharingModeNamed = (mode: SharingSpec['mode']) =>
  MODES[mode] as SharingModeInfo<SharingSpec>;

/** What the design's sharing mode means (see SharingModeInfo). */
export function sharingMode<S extends SharingSpec>(sharing: S): SharingModeInfo<S> {
  return MODES[sharing.mode] as unknown as SharingModeInfo<S>;
}

/** Every copy's name for each encoder layer: names[copy][index]. */
export function encoderCopyNames(sharing: SharingSpec, encoder: LayerSpec[]): string[][] {
  const mode = sharingMode(sharing);
  return Array.from({ length: mode.copies(sharing) }, (_, copy) =>
    encoder.map((layer, i) => mode.layerName(copy, i, layer)),
  );
}
