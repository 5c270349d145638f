import type { LayerShape } from '../layerShape';
import { inputShape } from '../inputShape';
import type { LayerSpec, ModelSpec, SharingSpec } from '../types';
import { crossStitch } from './crossStitch';
import type { ModeContext, SharingDef } from './def';
import { cgc, dselectk, mmoe, ple } from './experts';
import { hard } from './hard';
import { mtan } from './mtan';

export { MAX_EXPERTS } from './mixture';
export type { ModeBlock, Readout, SharingDef, SharingField } from './def';

type ModeDefs = { [M in SharingSpec['mode']]: SharingDef<Extract<SharingSpec, { mode: M }>> };

/** Every sharing mode, in the builder's order: add a mode here and in its own file. */
const MODES: ModeDefs = { hard, mmoe, cgc, ple, dselectk, crossStitch, mtan };

/** The sharing modes, in the builder's order. */
export const SHARING_MODES = Object.keys(MODES) as SharingSpec['mode'][];

/** A mode's definition by name (its option label, initial settings and fields). */
export const sharingModeNamed = (mode: SharingSpec['mode']) =>
  MODES[mode] as unknown as SharingDef<SharingSpec>;

/** What the design's sharing mode means (see SharingDef). */
export function sharingMode<S extends SharingSpec>(sharing: S): SharingDef<S> {
  return MODES[sharing.mode] as unknown as SharingDef<S>;
}

/** The design's gate and mask heatmaps (none for modes without data-dependent parts). */
export function sharingReadouts(spec: ModelSpec, encoderShapes: LayerShape[]) {
  return sharingMode(spec.sharing).readouts?.(spec.sharing, modeContext(spec, encoderShapes)) ?? [];
}

/** What a mode's blocks and checks read, from a design and its encoder's inferred shapes. */
export function modeContext(spec: ModelSpec, encoderShapes: LayerShape[]): ModeContext {
  return {
    input: spec.input,
    inputShape: inputShape(spec.input),
    encoder: spec.encoder,
    encoderShapes,
    tasks: spec.tasks.map((t) => t.name),
  };
}

/** Every encoder copy's layer names with their owner (null: shared; else the task index). */
export function encoderCopyNames(
  spec: Pick<ModelSpec, 'sharing' | 'tasks'> & { encoder: LayerSpec[] },
): { owner: number | null; names: string[] }[] {
  return sharingMode(spec.sharing)
    .copies(
      spec.sharing,
      spec.tasks.map((t) => t.name),
    )
    .map((copy) => ({
      owner: copy.owner,
      names: spec.encoder.map((layer, i) => copy.name(i, layer)),
    }));
}
