import type { ExportedModel } from '../../src/io/exportModel';
import { exportedSpec } from '../../src/io/exportedSpec';
import { FILE_LIMITS, sizeRefusal } from '../../src/spec/fileLimits';
import { parseModelSpec } from '../../src/spec/serialize';
import type { ModelSpec } from '../../src/spec/types';

export type ModelFiles =
  { ok: true; exported: ExportedModel; spec: ModelSpec } | { ok: false; message: string };

interface Manifest {
  format?: unknown;
  modelTopology?: unknown;
  weightsManifest?: unknown;
}

/** Bytes the manifest says weights.bin holds (every dtype here has 4 bytes per value), or null when it is malformed. */
function manifestBytes(weightsManifest: unknown[]): number | null {
  let bytes = 0;
  for (const group of weightsManifest) {
    const weights = (group as { weights?: unknown } | null)?.weights;
    if (!Array.isArray(weights)) return null;
    for (const w of weights) {
      const shape = (w as { shape?: unknown } | null)?.shape;
      if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return null;
      bytes += (shape as number[]).reduce((a, b) => a * b, 1) * 4;
    }
  }
  return bytes;
}

const refuse = (message: string): ModelFiles => ({ ok: false, message });

/**
 * Reads the two files of an exported model (model.json + weights.bin) as a person picks them,
 * refusing anything else with what is wrong: too big, not JSON, not a tf.js layers model, not made
 * by this app (no design inside, or one that fails the design schema), or weights that do not match
 * the manifest. Sizes are checked before bytes are read.
 */
export async function readModelFiles(files: File[]): Promise<ModelFiles> {
  const json = files.find((f) => f.name.endsWith('.json'));
  const bin = files.find((f) => !f.name.endsWith('.json'));
  if (!json || !bin || files.length !== 2)
    return refuse('Choose both files of an exported model: model.json and weights.bin');
  const tooBig =
    sizeRefusal(json.name, json.size, FILE_LIMITS.modelJsonBytes) ??
    sizeRefusal(bin.name, bin.size, FILE_LIMITS.weightsBytes);
  if (tooBig) return refuse(tooBig);
  const text = await json.text();
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    return refuse(`${json.name} is not valid JSON`);
  }
  if (
    typeof manifest !== 'object' ||
    !manifest ||
    !Array.isArray(manifest.weightsManifest) ||
    !manifest.modelTopology
  )
    return refuse(`${json.name} is not a tf.js layers model (no modelTopology or weightsManifest)`);
  const carried = exportedSpec(text);
  if (carried === null)
    return refuse(
      `${json.name} was not exported by MTL Playground (it carries no design): only the app's own exports can be imported`,
    );
  const spec = parseModelSpec(carried);
  if (!spec.ok) return refuse(`${json.name} cannot be imported: ${spec.message}`);
  const expected = manifestBytes(manifest.weightsManifest);
  if (expected === null || expected !== bin.size)
    return refuse(
      `${bin.name} holds ${bin.size} bytes but ${json.name} describes ${expected ?? 'malformed'} bytes of weights: the files do not belong together or one is damaged`,
    );
  const exported = { modelJson: text, weightData: await bin.arrayBuffer() };
  return { ok: true, exported, spec: spec.spec };
}
