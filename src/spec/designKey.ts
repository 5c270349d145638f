import type { ModelSpec, TrainConfig } from './types';

/**
 * What a training step's speed depends on: the layers, heads, losses and batch size — not task
 * names, targets, λ or the data's size. Auto keeps one backend pick per key; a change of key is a
 * structural change of the design.
 */
export function designShapeKey(design: { spec: ModelSpec; config: TrainConfig }): string {
  const { input, sharing, encoder, tasks } = design.spec;
  return JSON.stringify([
    1,
    input,
    sharing,
    encoder,
    tasks.map((t) => [t.head, t.outputUnits, t.loss]),
    design.config.batchSize,
  ]);
}
