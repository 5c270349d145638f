import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { LAYER_LIMITS, SAVED } from '../limits';
import { pyName } from '../python';
import { int } from '../savedSchema';
import { fail, formatShape, last, ok } from '../shape';
import { SELF_ATTENTION_PYTHON } from './selfAttentionPython';

/**
 * Multi-head scaled dot-product self-attention over the sequence axis, with residual and layer
 * norm. tf.js has no such layer: the engine's own class (model/selfAttention.ts) is handed in.
 */
export const selfAttention = defineLayer(
  v.strictObject({
    type: v.literal('selfAttention'),
    heads: int(0, SAVED.heads),
    keyDim: int(0, SAVED.keyDim),
  }),
  {
    type: 'selfAttention',
    label: 'SelfAttention',
    defaults: { heads: 2, keyDim: 8 },
    fields: [
      {
        kind: 'int',
        key: 'heads',
        label: 'Heads',
        noun: 'heads',
        min: 1,
        max: LAYER_LIMITS.maxHeads,
      },
      {
        kind: 'int',
        key: 'keyDim',
        label: 'Key dimensions',
        noun: 'key dimensions',
        min: 1,
        max: LAYER_LIMITS.maxKeyDim,
      },
    ],
    result: (layer, input) => {
      if (input.length !== 2)
        return fail(
          `SelfAttention needs a sequence [steps, features]; this input is ${formatShape(input)}`,
        );
      const d = last(input);
      const hk = layer.heads * layer.keyDim;
      // Q, K, V projections with bias, output projection with bias, layer-norm gamma and beta.
      return ok(input, 3 * (d * hk + hk) + (hk * d + d) + 2 * d);
    },
    build: (layer, { custom, name, nextSeed }) =>
      custom.SelfAttention!({ name, heads: layer.heads, keyDim: layer.keyDim, seed: nextSeed() }),
    python: (layer, { name }) =>
      `SelfAttention(heads=${layer.heads}, key_dim=${layer.keyDim}, ${pyName(name)})`,
    pythonSupport: SELF_ATTENTION_PYTHON,
    describe: (layer) => `SelfAttention ${layer.heads} heads × ${layer.keyDim}`,
  },
);
