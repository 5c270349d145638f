import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { callKernel, release, type NamedBackend } from './kernelCalls';
import type { KernelOverride } from './override';

/** The same tensor with its last two axes swapped, as a fresh buffer. */
function transposeLastTwo(on: NamedBackend, x: TensorInfo): TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
  return callKernel(on, 'Transpose', { x }, { perm });
}

/**
 * tf.js's wasm matrix product reads a transposed operand in place, an order of magnitude slower
 * than its plain product; every Dense layer's backward pass asks for exactly those two products.
 * Transposing the operand into a fresh buffer first and multiplying plainly gives the same numbers
 * far faster (docs/BENCHMARKS.md, "Kernel overrides").
 */
function explicitTranspose(kernelName: string): KernelOverride {
  return {
    kernelName,
    backendName: 'wasm',
    replaces: true,
    kernelFunc: (on, inputs, attrs, original) => {
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      if (!transposeA && !transposeB) return original!(inputs, attrs);
      const made: TensorInfo[] = [];
      const plain = (x: TensorInfo, transposed: boolean): TensorInfo => {
        if (!transposed) return x;
        const t = transposeLastTwo(on, x);
        made.push(t);
        return t;
      };
      try {
        const operands = {
          ...inputs,
          a: plain(inputs.a!, transposeA),
          b: plain(inputs.b!, transposeB),
        };
        const plainAttrs: NamedAttrMap = { ...attrs, transposeA: false, transposeB: false };
        return original!(operands, plainAttrs) as TensorInfo;
      } finally {
        release(on, ...made);
      }
    },
  };
}

/** The plain and the fused (bias, activation) matrix products. */
export const transposedMatMul: KernelOverride[] = [
  explicitTranspose('BatchMatMul'),
  explicitTranspose('_FusedMatMul'),
];
