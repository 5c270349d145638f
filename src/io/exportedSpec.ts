import type { ExportedModel } from './exportModel';

/**
 * The design a file exported by this app carries, unchecked (null for another model): callers
 * validate it (`parseModelSpec`) or only compare it with a design they trust.
 */
export function exportedSpec(exported: ExportedModel): unknown {
  try {
    const json = JSON.parse(exported.modelJson) as {
      userDefinedMetadata?: { mtlPlayground?: { spec?: unknown } };
    } | null;
    return json?.userDefinedMetadata?.mtlPlayground?.spec ?? null;
  } catch {
    return null;
  }
}
