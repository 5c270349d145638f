import * as tf from '@tensorflow/tfjs';
import type { Readout } from '../../spec/sharing';
import { layerTensors } from './layerOutputs';

/** A readout's numbers: each row's value per column (null where that row's gate has no edge). */
export interface ReadoutValues {
  title: string;
  columns: string[];
  rows: { label: string; values: (number | null)[] }[];
}

/**
 * The mean over the examples of `x` of every cell of the readouts (gate weights per expert, mask
 * openness per block), read back in one transfer.
 */
export async function readoutValues(
  model: tf.LayersModel,
  readouts: Readout[],
  x: tf.Tensor,
): Promise<ReadoutValues[]> {
  const layers = [
    ...new Set(readouts.flatMap((r) => r.rows.flatMap((row) => row.cells.map((c) => c.layer)))),
  ];
  if (layers.length === 0) return [];
  // Per layer: the mean of each unit over the examples, then the mean of them all.
  const means = tf.tidy(() => {
    const outputs = layerTensors(model, layers, x);
    return tf.concat(
      outputs.map((out) => {
        const perUnit = tf.mean(out.reshape([out.shape[0]!, -1]), 0);
        return tf.concat([perUnit, tf.mean(perUnit).reshape([1])]);
      }),
    );
  });
  const flat = await means.data();
  means.dispose();
  const offsets: Record<string, { at: number; units: number }> = {};
  let at = 0;
  for (const name of layers) {
    const shape = model.getLayer(name).outputShape.slice(1) as number[];
    const units = shape.reduce((a, b) => a * b, 1);
    offsets[name] = { at, units };
    at += units + 1;
  }
  return readouts.map((r) => ({
    title: r.title,
    columns: r.columns,
    rows: r.rows.map((row) => {
      const values: (number | null)[] = r.columns.map(() => null);
      for (const cell of row.cells) {
        const o = offsets[cell.layer]!;
        values[cell.column] = flat[o.at + (cell.unit ?? o.units)]!;
      }
      return { label: row.label, values };
    }),
  }));
}
