import type { ExportedModel } from '../../src/io/exportModel';
import { exportedSpec } from '../../src/io/exportedSpec';
import type { ModelSpec } from '../../src/spec/types';

export type ModelFiles =
  { ok: true; exported: ExportedModel; spec: ModelSpec } | { ok: false; message: string };

interface Manifest {
  format?: unknown;
  modelTopology?: unknown;
  weightsManifest?: { paths?: unknown; weights?: { shape?: unknown; dtype?: unknown }[] }[];
}

/** Bytes the manifest says weights.bin holds (every dtype here has 4 bytes per value). */
function manifestBytes(manifest: Manifest): number | null {
  let bytes = 0;
  for (const group of manifest.weightsManifest ?? []) {
    for (const w of group.weights ?? []) {
      if (!Array.isArray(w.shape) || !w.shape.every((d) => Number.isInteger(d) && d >= 0))
        return null;
      bytes += (w.shape as number[]).reduce((a, b) => a * b, 1) * 4;
    }
  }
  return bytes;
}

/**
 * Reads the two files of an exported model (model.json + weights.bin) as a person picks them,
 * refusing anything else with what is wrong: not JSON, not a tf.js layers model, not made by this
 * app (no design inside), or weights that do not match the manifest.
 */
export async function readModelFiles(files: File[]): Promise<ModelFiles> {
  const json = files.find((f) => f.name.endsWith('.json'));
  const bin = files.find((f) => !f.name.endsWith('.json'));
  if (!json || !bin || files.length !== 2)
    return {
      ok: false,
      message: 'Choose both files of an exported model: model.json and weights.bin',
    };
  const text = await json.text();
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    return { ok: false, message: `${json.name} is not valid JSON` };
  }
  if (
    typeof manifest !== 'object' ||
    !manifest ||
    !Array.isArray(manifest.weightsManifest) ||
    !manifest.modelTopology
  )
    return {
      ok: false,
      message: `${json.name} is not a tf.js layers model (no modelTopology or weightsManifest)`,
    };
  const weightData = await bin.arrayBuffer();
  const exported = { modelJson: text, weightData };
  const spec = exportedSpec(exported);
  if (!spec)
    return {
      ok: false,
      message: `${json.name} was not exported by MTL Playground (it carries no design): only the app's own exports can be imported`,
    };
  const expected = manifestBytes(manifest);
  if (expected === null || expected !== weightData.byteLength)
    return {
      ok: false,
      message: `${bin.name} holds ${weightData.byteLength} bytes but ${json.name} describes ${expected ?? 'malformed'} bytes of weights: the files do not belong together or one is damaged`,
    };
  return { ok: true, exported, spec };
}
