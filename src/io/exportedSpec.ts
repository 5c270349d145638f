import type { ModelSpec } from '../spec/types';
import type { ExportedModel } from './exportModel';

/** The design a file exported by this app carries, or null for another model. */
export function exportedSpec(exported: ExportedModel): ModelSpec | null {
  try {
    const json = JSON.parse(exported.modelJson) as {
      userDefinedMetadata?: { mtlPlayground?: { spec?: ModelSpec } };
    };
    return json.userDefinedMetadata?.mtlPlayground?.spec ?? null;
  } catch {
    return null;
  }
}
