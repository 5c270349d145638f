import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../model/buildModel';
import { PRESETS } from '../design/presets';
import type { ModelSpec } from '../spec/types';
import { EXTRA_LAYERS } from '../testing/layerDesigns';
import { useCpuBackend } from '../testing/tfCpu';
import { kerasScript } from './kerasCode';

beforeAll(useCpuBackend);

/** Weights Keras creates per layer class (GRU with reset_after=False, as generated). */
const KERAS_WEIGHTS: Record<string, number> = {
  Dense: 2,
  Conv2D: 2,
  BatchNormalization: 4,
  LayerNormalization: 2,
  Embedding: 1,
  LSTM: 3,
  GRU: 3,
  SelfAttention: 10,
  CrossStitch: 1,
  DSelectGate: 4,
};

/** Every layer call of the script: its Keras class and name, in order. */
function scriptLayers(script: string): { cls: string; name: string }[] {
  return [
    ...script.matchAll(
      /(?:layers\.(\w+)|(SelfAttention|CrossStitch|DSelectGate))\([^\n]*?name=("[^"]+")/g,
    ),
  ].map((m) => ({ cls: m[1] ?? m[2]!, name: JSON.parse(m[3]!) as string }));
}

const gru: ModelSpec = {
  ...PRESETS.find((p) => p.id === 'lstm')!.spec,
  encoder: [
    { type: 'embedding', outputDim: 8 },
    { type: 'gru', units: 6, returnSequences: true },
    { type: 'layerNorm' },
    { type: 'globalAvgPool' },
    { type: 'dropout', rate: 0.1 },
    { type: 'dense', units: 4, activation: 'tanh', l2: 0.01 },
  ],
};
const designs = [
  ...PRESETS.map((p) => [p.label, p.spec, p.config] as const),
  ['GRU, layer norm, L2', gru, PRESETS[0]!.config] as const,
  ...EXTRA_LAYERS.map(([label, p]) => [label, p.spec, p.config] as const),
];

describe('Keras code', () => {
  it.each(designs)(
    'rebuilds %s layer for layer, with weights Keras can take',
    (_label, spec, config) => {
      const script = kerasScript(
        spec,
        config,
        spec.tasks.map(() => 1),
      );
      const model = buildModel(spec, 1);
      const expected = model.layers
        .filter((l) => l.getClassName() !== 'InputLayer')
        .map((l) => ({ cls: l.getClassName(), name: l.name }));
      const generated = scriptLayers(script);
      // The functional graph lists layers in topological order; compare as sets of (class, name).
      expect([...generated].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
        [...expected].sort((a, b) => a.name.localeCompare(b.name)),
      );
      for (const layer of model.layers) {
        const count = KERAS_WEIGHTS[layer.getClassName()];
        if (count !== undefined) expect(layer.weights.length, layer.name).toBe(count);
        else expect(layer.weights.length, layer.name).toBe(0);
      }
      model.dispose();
    },
  );

  it('compiles with each task’s loss, metric and final λ as loss_weights', () => {
    const spec = PRESETS.find((p) => p.id === 'cnn')!.spec;
    const script = kerasScript(
      spec,
      { ...PRESETS[0]!.config, optimizer: 'momentum', learningRate: 0.02 },
      [1, 0.5, 2.25],
    );
    expect(script).toContain('LOSS_WEIGHTS = {"shape": 1.0, "size": 0.5, "x": 2.25}');
    expect(script).toContain(
      'loss={"shape": "categorical_crossentropy", "size": "mse", "x": keras.losses.Huber(delta=1.0)}',
    );
    expect(script).toContain(
      'metrics={"shape": ["categorical_accuracy"], "size": ["mae"], "x": [keras.metrics.R2Score()]}',
    );
    expect(script).toContain('keras.optimizers.SGD(learning_rate=0.02, momentum=0.9)');
    expect(script).toContain('keras.Input(shape=(12, 12, 1), dtype="float32", name="input")');
  });

  const python = (() => {
    try {
      execFileSync('python3', ['--version']);
      return true;
    } catch {
      return false;
    }
  })();
  it.runIf(python).each(designs)('is valid Python: %s', (_label, spec, config) => {
    const dir = mkdtempSync(join(tmpdir(), 'keras-'));
    const file = join(dir, 'model.py');
    writeFileSync(
      file,
      kerasScript(
        spec,
        config,
        spec.tasks.map(() => 1),
      ),
    );
    execFileSync('python3', ['-c', `import ast, sys; ast.parse(open(sys.argv[1]).read())`, file]);
  });
});
