import type { Dataset } from '../data/dataset';
import { designShapeKey } from '../spec/designKey';
import { measureBackends, type AutoPick } from './autoBackend';
import { lastingMemory, type BackendMemory } from './backendMemory';
import { onDeviceLost, selectBackend, tryBackend, type BackendReport } from './backends';
import type { BackendChoice, FromWorker, RunDesign } from './protocol';

/**
 * The backend the worker trains on: the one the person forced, or under Auto the fastest one for
 * each design shape — measured once (about a second, before the first step) and remembered
 * across reloads, so later runs of that shape start at once. Every switch is announced to the UI,
 * and a lost WebGPU device is reported through `onLost`.
 */
export class BackendChooser {
  private choice: BackendChoice = 'auto';
  /** wasm starting up (fetching and compiling its binary) while the page is still idle. */
  private warming: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly now: () => number,
    private readonly onLost: (reason: string) => void,
    private readonly memory: BackendMemory = lastingMemory(),
  ) {}

  /**
   * What the person asked for. A forced backend starts now (falling back in order if it fails);
   * Auto waits for a design, since its choice depends on it.
   */
  async select(choice: BackendChoice): Promise<void> {
    this.choice = choice;
    if (choice !== 'auto') return this.announce(await selectBackend(choice));
    // Auto measures wasm on every machine without a real GPU: start it now, not at Train.
    this.warming = tryBackend('wasm').catch(() => undefined);
  }

  /** Before a run is built: under Auto, switches to this design's backend, measuring if unknown. */
  async prepare(design: RunDesign, dataset: Dataset): Promise<void> {
    if (this.choice !== 'auto') return;
    const pick = await this.pickFor(design, dataset, () =>
      this.post({ type: 'measuringBackends' }),
    );
    this.announce({
      backend: pick.backend,
      requested: 'auto',
      timings: pick.timings,
      ...(pick.adapter ? { adapter: pick.adapter } : {}),
    });
  }

  /**
   * Answers what Auto would use for a design: what it measured before, else a measurement now
   * when given the data to measure on (null: not measured). Under a forced backend: nothing.
   */
  async plan(design: RunDesign, dataset: Dataset | null): Promise<void> {
    if (this.choice !== 'auto') return;
    const key = designShapeKey(design);
    const unmeasured = async () =>
      this.post({ type: 'backendPlan', key, pick: (await this.memory.get(key)) ?? null });
    if (!dataset) return unmeasured();
    // A failure here is the run's to report when it measures again: the plan stays unknown.
    await this.pickFor(design, dataset, () => undefined).catch(unmeasured);
  }

  /**
   * The design's pick, also posted as its plan: the remembered one where its backend still
   * starts, else a measurement now (`measuring` says so first), remembered.
   */
  private async pickFor(
    design: RunDesign,
    dataset: Dataset,
    measuring: () => void,
  ): Promise<AutoPick> {
    await this.warming;
    const key = designShapeKey(design);
    let pick = await this.memory.get(key);
    if (!pick || (await tryBackend(pick.backend)).problem) {
      measuring();
      pick = await measureBackends(design, dataset, this.now);
      await this.memory.set(key, pick);
    }
    this.post({ type: 'backendPlan', key, pick });
    return pick;
  }

  private announce(report: BackendReport): void {
    this.post({ type: 'backend', ...report });
    onDeviceLost(this.onLost);
  }
}
