import * as tf from '@tensorflow/tfjs';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportModel, loadExportedModel } from '../io/exportModel';
import { kerasScript } from '../io/kerasCode';
import { PRESETS } from '../design/presets';
import { parseDesign, serializeDesign } from '../spec/serialize';
import { inferShapes } from '../spec/shapes';
import type { LayerSpec } from '../spec/types';
import { validateDesign } from '../design/validateDesign';
import { CLEAN_POINTS, makeTrainer, trainSteps } from '../testing/fixtures';
import { EXTRA_LAYERS } from '../testing/layerDesigns';
import { useCpuBackend } from '../testing/tfCpu';
import { defineLayer } from './layerDef';
import { pyName } from './python';
import { int } from './savedSchema';
import { last, ok } from './shape';
import { describeLayer, layerTypes, newLayer, registerLayer } from './registry';

beforeAll(useCpuBackend);

/** A layer type no one ships: a bias-free linear map, defined through the registry alone. */
const linearMap = defineLayer(
  v.strictObject({ type: v.literal('linearMap'), units: int(0, 1000) }),
  {
    type: 'linearMap',
    label: 'LinearMap',
    defaults: { units: 3 },
    fields: [{ kind: 'int', key: 'units', label: 'Units', noun: 'units', min: 1, max: 64 }],
    result: (layer, input) => ok([layer.units], last(input) * layer.units),
    build: (layer, { tf: engine, name, nextSeed }) =>
      engine.layers.dense({
        name,
        units: layer.units,
        useBias: false,
        kernelInitializer: engine.initializers.glorotUniform({ seed: nextSeed() }),
      }),
    python: (layer, { name }) => `layers.Dense(${layer.units}, use_bias=False, ${pyName(name)})`,
    describe: (layer) => `LinearMap ${layer.units}`,
  },
);

describe('the layer registry', () => {
  it('has every registered layer type in a preset or a coverage design, so the round trips see it', () => {
    const used = new Set(
      [...PRESETS, ...EXTRA_LAYERS.map(([, p]) => p)].flatMap((p) =>
        [...p.spec.encoder, ...p.spec.tasks.flatMap((t) => t.head)].map((l) => l.type),
      ),
    );
    expect(layerTypes().filter((t) => !used.has(t))).toEqual([]);
  });

  describe('with a throwaway layer type added', () => {
    let unregister = () => {};
    beforeAll(() => {
      unregister = registerLayer(linearMap);
    });
    afterAll(() => unregister());
    const layer = { type: 'linearMap', units: 5 } as unknown as LayerSpec;
    const { spec, config, data } = CLEAN_POINTS;
    const design = { spec: { ...spec, encoder: [...spec.encoder, layer] }, config, data };

    it('offers it with its defaults and label', () => {
      expect(layerTypes()).toContain('linearMap');
      expect(newLayer('linearMap' as LayerSpec['type'])).toEqual({ type: 'linearMap', units: 3 });
      expect(describeLayer(layer)).toBe('LinearMap 5');
    });

    it('validates it: a sensible design passes, an absurd parameter is explained', () => {
      expect(validateDesign(design)).toEqual([]);
      const zero = { ...layer, units: 0 } as unknown as LayerSpec;
      const broken = { ...design, spec: { ...design.spec, encoder: [zero] } };
      expect(validateDesign(broken).map((p) => p.message)).toContain(
        'Shared layer 1: LinearMap needs 1 to 64 units, got 0',
      );
    });

    it('saves and reads it back in a design file', () => {
      const parsed = parseDesign(serializeDesign(design));
      expect(parsed).toEqual({ ok: true, design });
    });

    it('shapes it, builds it with as many weights, trains it and exports it', async () => {
      const shapes = inferShapes(design.spec);
      const info = shapes.encoder.at(-1)!;
      expect(info.shape).toEqual([5]);
      expect(info.params).toBe(16 * 5);
      const run = makeTrainer({ spec: design.spec, config: design.config });
      expect(run.model.getLayer('shared_3_linearMap').countParams()).toBe(16 * 5);
      await trainSteps(run.trainer, 2);
      const loaded = await loadExportedModel(await exportModel(run.model, design.spec));
      const [before, after] = [run.model, loaded].map(
        (m) => m.predict(run.data.val.x) as tf.Tensor[],
      );
      expect(await after![0]!.data()).toEqual(await before![0]!.data());
      tf.dispose([...before!, ...after!]);
      loaded.dispose();
      run.dispose();
    });

    it('writes it into the Keras script', () => {
      const script = kerasScript(design.spec, design.config, [1, 1]);
      expect(script).toContain('x = layers.Dense(5, use_bias=False, name="shared_3_linearMap")(x)');
    });
  });
});
