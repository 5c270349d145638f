import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DATA, DEFAULT_MODEL, DEFAULT_TRAIN } from '../spec/defaults';
import { useCpuBackend } from '../testing/tfCpu';
import { workerHarness } from '../testing/workerHarness';
import { fastest } from './autoBackend';

beforeAll(useCpuBackend);

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

  it('measures the design on every backend there is, says why others were skipped, and trains on the fastest', async () => {
    const { handler, of } = workerHarness();
    const design = {
      spec: DEFAULT_MODEL,
      config: { ...DEFAULT_TRAIN, maxSteps: 5 },
      data: DEFAULT_DATA,
    };
    await handler.handle({ type: 'train', runId: 'r', design });
    await handler.idle();
    const report = of('backend').find((b) => b.timings)!;
    // In Node only the cpu backend exists: it is measured, the others explained.
    expect(report.backend).toBe('cpu');
    const cpu = report.timings!.find((t) => t.backend === 'cpu')!;
    expect(cpu.stepsPerSecond).toBeGreaterThan(0);
    expect(report.timings!.filter((t) => t.stepsPerSecond === null).map((t) => t.backend)).toEqual([
      'webgpu',
      'webgl',
      'wasm',
    ]);
    expect(report.timings!.find((t) => t.backend === 'webgpu')!.note).toBe(
      'not included in this build',
    );
    expect(of('status').at(-1)).toMatchObject({ state: 'done', step: 5 });
  });
});
