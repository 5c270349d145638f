/**
 * PyTorch beside the app in `npm run bench`: a long-lived `pytorch_bench.py` process that trains
 * the same workloads (spec, batch, optimizer) on the CPU when asked, so its rounds alternate with
 * the app's. Absent torch, the bench says so in one line and goes on without it.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { WORKLOADS, type WorkloadId } from '../../src/bench/workloads';

/** Debian's python3-torch installs for /usr/bin/python3, which a pyenv shim may hide. */
const PYTHONS = ['python3', '/usr/bin/python3'];
const SCRIPT = new URL('./pytorch_bench.py', import.meta.url).pathname;

export interface PytorchBench {
  /** "PyTorch 1.13.1, 2 threads". */
  describe: string;
  /** Samples per second over about `targetMs` of training the workload (built on first use). */
  samplesPerSecond(id: WorkloadId, targetMs: number): Promise<number>;
  close(): void;
}

/** The first python3 that imports torch, with its version; null when none does. */
function findPython(): { python: string; version: string } | null {
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {
      encoding: 'utf8',
    });
    if (probe.status === 0) return { python, version: probe.stdout.trim() };
  }
  return null;
}

/** Starts PyTorch's side, or answers why it cannot run here. */
export function startPytorch(): PytorchBench | string {
  const found = findPython();
  if (!found)
    return 'PyTorch not measured: no python3 here imports torch (Debian: apt-get install python3-torch)';
  // One thread, as the app's wasm backend here; OpenBLAS's tuning variables of this workplace
  // slow a current OpenBLAS, so they are left out of this process alone.
  const { OPENBLAS_CORETYPE: _type, OPENBLAS_L2_SIZE: _l2, ...env } = process.env;
  const child: ChildProcessWithoutNullStreams = spawn(found.python, [SCRIPT], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
  });
  const lines = createInterface({ input: child.stdout });
  const answers: ((line: string) => void)[] = [];
  lines.on('line', (line) => answers.shift()?.(line));
  let threads = '?';
  let blas = '?';
  const ask = (request: object): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      answers.push((line) => resolve(JSON.parse(line) as Record<string, unknown>));
      child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  return {
    get describe() {
      return `PyTorch ${found.version}, ${threads} thread(s), BLAS ${blas}`;
    },
    async samplesPerSecond(id, targetMs) {
      const w = WORKLOADS[id];
      const answer = await ask({
        workload: id,
        spec: w.spec,
        batchSize: w.config.batchSize,
        optimizer: w.config.optimizer,
        learningRate: w.config.learningRate,
        targetMs,
      });
      if (typeof answer.error === 'string') throw new Error(`PyTorch: ${answer.error}`);
      threads = String(answer.threads);
      blas = String(answer.blas);
      return (w.config.batchSize * 1000) / (answer.msPerStep as number);
    },
    close: () => child.kill(),
  };
}
