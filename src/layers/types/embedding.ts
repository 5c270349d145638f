import * as v from 'valibot';
import { defineLayer } from '../layerDef';
import { LAYER_LIMITS, SAVED } from '../limits';
import { pyName } from '../python';
import { int } from '../savedSchema';
import { fail, formatShape, ok } from '../shape';

/** Token ids to learned vectors: the first layer on a token input. */
export const embedding = defineLayer(
  v.strictObject({ type: v.literal('embedding'), outputDim: int(0, SAVED.big) }),
  {
    type: 'embedding',
    label: 'Embedding',
    defaults: { outputDim: 16 },
    fields: [
      {
        kind: 'int',
        key: 'outputDim',
        label: 'Output dimensions',
        noun: 'output dimensions',
        min: 1,
        max: LAYER_LIMITS.maxUnits,
      },
    ],
    readsTokens: true,
    result: (layer, input, { tokens, vocabSize }) =>
      !tokens
        ? fail(
            `Embedding reads token ids, so it must come first on a token input; this input is ${formatShape(input)}`,
          )
        : ok([input[0]!, layer.outputDim], vocabSize * layer.outputDim),
    build: (layer, { tf, name, nextSeed, vocabSize }) =>
      tf.layers.embedding({
        name,
        inputDim: vocabSize,
        outputDim: layer.outputDim,
        embeddingsInitializer: tf.initializers.randomUniform({
          minval: -0.05,
          maxval: 0.05,
          seed: nextSeed(),
        }),
      }),
    python: (layer, { name, vocabSize }) =>
      `layers.Embedding(${vocabSize}, ${layer.outputDim}, ${pyName(name)})`,
    describe: (layer) => `Embedding ${layer.outputDim}`,
  },
);
