import * as tf from '@tensorflow/tfjs';
import type { ModelSpec } from '../spec/types';
import { WEIGHTS_FILE } from './exportFiles';
// Registers the custom layer so exported models that use it load back.
import '../model/selfAttention';

/** A trained model in the tf.js layers format: the text of `model.json` and the bytes of `weights.bin`. */
export interface ExportedModel {
  modelJson: string;
  weightData: ArrayBuffer;
}

export { WEIGHTS_FILE };

/**
 * Serializes a model to `model.json` + `weights.bin` without touching the DOM, so it works
 * inside a worker (where `downloads://` fails); the main thread turns the result into downloads.
 * The design travels along in `userDefinedMetadata` so the app can re-import it.
 */
export async function exportModel(model: tf.LayersModel, spec: ModelSpec): Promise<ExportedModel> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts?.weightSpecs || artifacts.weightData === undefined) {
    throw new Error('tf.js produced no weights to export');
  }
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology as object,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
    userDefinedMetadata: { mtlPlayground: { version: 1, spec: spec as unknown as object } },
  };
  return {
    modelJson: JSON.stringify(modelJson),
    weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData),
  };
}

/** Loads an exported model back (the inverse of {@link exportModel}), as `tf.loadLayersModel` does from files. */
export async function loadExportedModel(exported: ExportedModel): Promise<tf.LayersModel> {
  const json = JSON.parse(exported.modelJson) as tf.io.ModelJSON;
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs,
      weightData: exported.weightData,
    }),
  );
}
