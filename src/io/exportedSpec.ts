/**
 * The design a model.json exported by this app carries, unchecked (null for another model): callers
 * validate it (`parseModelSpec`) or only compare it with a design they trust.
 */
export function exportedSpec(modelJson: string): unknown {
  try {
    const json = JSON.parse(modelJson) as {
      userDefinedMetadata?: { mtlPlayground?: { spec?: unknown } };
    } | null;
    return json?.userDefinedMetadata?.mtlPlayground?.spec ?? null;
  } catch {
    return null;
  }
}
