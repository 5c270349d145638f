import type { DataSpec } from '../spec/types';
import { splitColumns, targetInfos, type Dataset, type DescribedTarget } from './dataset';
import { createRng } from './random';

const LENGTH = 12;
const VOCAB = 10;

/** Sequences of 12 token ids from a vocabulary of 10, with tasks that need order and counting. */
export const SEQUENCES_TARGETS: Record<string, DescribedTarget> = {
  mean: { kind: 'regression', dims: 1, description: 'mean token id, 0–1' },
  repeat: { kind: 'classification', classes: 2, description: 'some token follows itself' },
  order: { kind: 'classification', classes: 2, description: 'first token < last token' },
};

export const SEQUENCES_INPUT = { kind: 'tokens', length: LENGTH, vocabSize: VOCAB } as const;

/** Generates the token dataset; `noise` flips labels and jitters the mean. */
export function generateSequences(spec: DataSpec): Dataset {
  const rng = createRng(spec.seed);
  const size = Math.max(0, Math.floor(spec.size));
  const x = new Float32Array(size * LENGTH);
  const columns: Record<string, Float32Array> = {};
  for (const name of Object.keys(SEQUENCES_TARGETS)) columns[name] = new Float32Array(size);
  const flip = (label: number): number => (rng.next() < spec.noise / 2 ? 1 - label : label);
  for (let i = 0; i < size; i++) {
    let sum = 0;
    let repeat = 0;
    for (let t = 0; t < LENGTH; t++) {
      const token = rng.int(VOCAB);
      x[i * LENGTH + t] = token;
      sum += token;
      if (t > 0 && x[i * LENGTH + t - 1] === token) repeat = 1;
    }
    columns.mean![i] = sum / LENGTH / (VOCAB - 1) + spec.noise * 0.05 * rng.normal();
    columns.repeat![i] = flip(repeat);
    columns.order![i] = flip(x[i * LENGTH]! < x[i * LENGTH + LENGTH - 1]! ? 1 : 0);
  }
  return {
    name: 'sequences',
    input: SEQUENCES_INPUT,
    targets: targetInfos(SEQUENCES_TARGETS),
    ...splitColumns(x, columns, size, spec.valFraction),
  };
}
