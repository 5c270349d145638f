import { expect, type Page } from '@playwright/test';

/** The app as a person sees it: controls by role and name, readouts by test id. */
export class Playground {
  readonly consoleErrors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => this.consoleErrors.push(e.message));
  }

  /**
   * Opens the app and waits until the worker has reported its backend. The suite exercises
   * WebGPU (through SwiftShader here), so it picks it; Auto would measure and choose wasm.
   */
  async open(backend: 'auto' | 'webgpu' = 'webgpu'): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('backend')).not.toHaveText('…');
    if (backend !== 'auto') await this.useBackend(backend);
  }

  /** Picks a backend and waits until the worker runs on it. */
  async useBackend(backend: 'webgpu' | 'webgl' | 'wasm' | 'cpu'): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Backend' }).selectOption(backend);
    await expect(this.page.getByTestId('backend')).toHaveText(backend);
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  readout(testId: string) {
    return this.page.getByTestId(testId);
  }

  async number(testId: string): Promise<number> {
    return Number(await this.readout(testId).textContent());
  }

  /** Waits until the step counter reaches at least `n`. */
  async waitForStep(n: number): Promise<number> {
    await expect.poll(() => this.number('step'), { timeout: 120_000 }).toBeGreaterThanOrEqual(n);
    return this.number('step');
  }

  /** Pauses and waits for the worker to confirm and to validate the weights it stopped at. */
  async pause(): Promise<void> {
    await this.button('Pause').click();
    await expect(this.button('Train')).toBeEnabled();
    await expect
      .poll(
        async () =>
          (await this.readout('val-step').textContent()) ===
          (await this.readout('step').textContent()),
      )
      .toBe(true);
  }

  /** Presses Step and waits until the step counter and the validation readouts have moved on. */
  async stepOnce(): Promise<void> {
    const before = await this.number('step');
    await this.button('Step').click();
    await expect(this.readout('step')).toHaveText(String(before + 1));
    await expect(this.readout('val-step')).toHaveText(String(before + 1));
  }

  lambdaSlider(task: string) {
    return this.page.getByRole('slider', { name: `λ ${task}` });
  }
}
