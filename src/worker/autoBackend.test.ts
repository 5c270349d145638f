import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/loadDataset';
import { registerKernelOverrides } from '../kernels/registry';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import { workerHarness } from '../testing/workerHarness';
import { fastest, measureBackends } from './autoBackend';
import { memoryOnly } from './backendMemory';
import { isSoftwareGpu } from './backends';

beforeAll(async () => {
  registerKernelOverrides();
  await tf.setBackend('cpu');
});

const design = (maxSteps = 5) => ({
  spec: DEFAULT_MODEL,
  config: { ...DEFAULT_TRAIN, maxSteps },
  data: DEFAULT_DATA,
});

describe('Auto backend', () => {
  it('picks the most steps per second among measured backends', () => {
    expect(
      fastest([
        { backend: 'webgpu', stepsPerSecond: 4 },
        { backend: 'webgl', stepsPerSecond: null, note: 'no factory' },
        { backend: 'wasm', stepsPerSecond: 118 },
        { backend: 'cpu', stepsPerSecond: 29 },
      ]),
    ).toBe('wasm');
    expect(fastest([{ backend: 'cpu', stepsPerSecond: null }])).toBeNull();
  });

  it('knows emulated GPUs by their adapter or renderer names', () => {
    for (const name of [
      'google swiftshader',
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'Microsoft Basic Render Driver',
    ])
      expect(isSoftwareGpu(name)).toBe(true);
    for (const name of ['nvidia ampere', 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11)'])
      expect(isSoftwareGpu(name)).toBe(false);
  });

  it('times every backend there is on the design, says why others were skipped, and trains on the fastest', async () => {
    const { handler, of } = workerHarness({ backendMemory: memoryOnly() });
    await handler.handle({ type: 'train', runId: 'r', design: design() });
    await handler.idle();
    const report = of('backend').find((b) => b.timings)!;
    const measured = report.timings!.filter((t) => t.stepsPerSecond !== null);
    expect(measured.map((t) => t.backend)).toEqual(['wasm', 'cpu']);
    expect(report.backend).toBe(fastest(report.timings!));
    expect(report.timings!.find((t) => t.backend === 'webgpu')!.note).toBe(
      'not included in this build',
    );
    expect(of('measuringBackends')).toHaveLength(1);
    expect(of('backendPlan').at(-1)!.pick!.backend).toBe(report.backend);
    expect(of('status').at(-1)).toMatchObject({ state: 'done', step: 5 });
  });

  it('measures for at most its budget: backends left when it is spent are passed over', async () => {
    let clock = 0;
    const slow = () => (clock += 400); // every look at the clock finds 0.4 s gone
    const dataset = loadDataset(DEFAULT_DATA, {});
    const pick = await measureBackends(design(), dataset, slow);
    expect(pick.backend).toBe('wasm');
    expect(pick.timings.find((t) => t.backend === 'cpu')).toEqual({
      backend: 'cpu',
      stepsPerSecond: null,
      note: 'not measured: Auto’s 1 s was spent',
    });
  });

  it('remembers its pick per design shape: a later worker (a reload) trains at once', async () => {
    const memory = memoryOnly();
    const first = workerHarness({ backendMemory: memory });
    await first.handler.handle({ type: 'train', runId: 'a', design: design() });
    await first.handler.idle();
    const chosen = first.of('backend').at(-1)!.backend;

    const later = workerHarness({ backendMemory: memory });
    await later.handler.handle({ type: 'planBackend', design: design() });
    expect(later.of('backendPlan')[0]!.pick!.backend).toBe(chosen);
    // Another step budget, λ or task name is the same shape.
    await later.handler.handle({ type: 'train', runId: 'b', design: design(8) });
    await later.handler.idle();
    expect(later.of('measuringBackends')).toEqual([]);
    expect(later.of('backend').at(-1)!.backend).toBe(chosen);
  });

  it('measures a design when asked for its plan, before any Train: the first run starts at once', async () => {
    const { handler, of } = workerHarness({ backendMemory: memoryOnly() });
    const other = { ...design(), config: { ...design().config, batchSize: 7 } };
    await handler.handle({ type: 'planBackend', design: other });
    const plan = of('backendPlan')[0]!.pick!;
    expect(plan.timings.filter((t) => t.stepsPerSecond !== null)).toHaveLength(2);
    await handler.handle({ type: 'train', runId: 'c', design: other });
    await handler.idle();
    expect(of('measuringBackends')).toEqual([]);
    expect(of('backend').at(-1)!.backend).toBe(plan.backend);
    // A design that cannot train gets no measurement, and no error: its editor explains it.
    const broken = { ...design(), config: { ...design().config, batchSize: 0 } };
    await handler.handle({ type: 'planBackend', design: broken });
    expect(of('backendPlan').at(-1)!.pick).toBeNull();
    expect(of('error')).toEqual([]);
  });
});
