import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset';
import { measureBackends } from './autoBackend';
import { onDeviceLost, selectBackend, type BackendReport } from './backends';
import type { BackendChoice, FromWorker, RunDesign } from './protocol';

/**
 * The backend the worker trains on: the one the person forced, or under Auto the fastest one
 * measured on each design (kept per design, so a Reset does not measure again). Every switch is
 * announced to the UI, and a lost WebGPU device is reported through `onLost`.
 */
export class BackendChooser {
  /** A backend has been selected at least once. */
  ready = false;
  private choice: BackendChoice = 'auto';
  private readonly autoPicks = new Map<string, BackendReport>();

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly now: () => number,
    private readonly onLost: (reason: string) => void,
  ) {}

  /** What the person asked for. */
  async select(choice: BackendChoice): Promise<void> {
    const report = await selectBackend(choice);
    this.choice = choice;
    this.ready = true;
    this.announce(report);
  }

  /** Before a run is built: under Auto, switches to the fastest backend for this design. */
  async prepare(design: RunDesign, dataset: Dataset): Promise<void> {
    if (!this.ready) await this.select('auto');
    if (this.choice !== 'auto') return;
    const key = JSON.stringify([design.spec, design.data, design.config.batchSize]);
    let report = this.autoPicks.get(key);
    if (!report) {
      this.post({ type: 'measuringBackends' });
      const { best, timings } = await measureBackends(design, dataset, this.now);
      report = { backend: best, requested: 'auto', timings };
      this.autoPicks.set(key, report);
    }
    if (tf.getBackend() !== report.backend) await tf.setBackend(report.backend);
    this.announce(report);
  }

  private announce(report: BackendReport): void {
    this.post({ type: 'backend', ...report });
    onDeviceLost(this.onLost);
  }
}
