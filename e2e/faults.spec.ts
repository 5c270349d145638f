import { expect, test, type Page } from '@playwright/test';
import { Playground } from './playground';
import type { Fault } from '../src/worker/protocol';

/** The step of the weights stored for the (only) run, read from IndexedDB as the app wrote them. */
const storedCheckpointStep = (page: Page): Promise<number | null> =>
  page.evaluate(
    () =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open('mtl-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('checkpoints').objectStore('checkpoints').getAll();
          all.onsuccess = () => {
            db.close();
            const steps = (all.result as { step: number }[]).map((c) => c.step);
            resolve(steps.length ? Math.max(...steps) : null);
          };
        };
      }),
  );

/** Trains, pauses (the app stores a checkpoint), trains on, and returns the checkpoint's step. */
async function trainPastACheckpoint(app: Playground): Promise<number> {
  await app.button('Train').click();
  await app.waitForStep(5);
  await app.pause();
  const kept = await app.number('step');
  await expect.poll(() => storedCheckpointStep(app.page)).toBe(kept);
  await app.button('Train').click();
  await app.waitForStep(kept + 3);
  return kept;
}

for (const fault of ['exception', 'outOfMemory', 'deviceLost'] satisfies Fault[]) {
  test(`a worker ${fault} is reported, and the run resumes from its checkpoint on the next backend`, async ({
    page,
  }) => {
    const app = new Playground(page);
    await app.open('webgpu');
    await page.getByRole('checkbox', { name: 'Until paused' }).check();
    const kept = await trainPastACheckpoint(app);

    await page.evaluate(
      (f) => (window as unknown as { injectFault(f: string): void }).injectFault(f),
      fault,
    );

    await expect(app.readout('error')).toContainText('The training worker crashed');
    await expect(app.readout('error')).toContainText(`last checkpoint, step ${kept}`);
    await expect(app.readout('backend')).toHaveText('webgl');
    // It trains on from the checkpoint in the new worker, with the design as it was.
    await app.waitForStep(kept + 2);
    await expect(app.button('Pause')).toBeEnabled();
    await expect(page.getByRole('group', { name: 'gauss' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'plane' })).toBeVisible();
    await app.pause();
    expect(await app.number('loss-gauss')).toBeGreaterThan(0);
  });
}

test('a diverging run pauses with clean curves and rolls back with half the learning rate', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open('webgpu');
  await app.useBackend('cpu'); // many steps quickly; divergence does not depend on the backend
  await page.getByRole('checkbox', { name: 'Until paused' }).check();
  // Plain SGD: a step as large as the gradient, so a high learning rate truly diverges.
  await page.getByRole('combobox', { name: 'Optimizer' }).selectOption('sgd');
  const kept = await (async () => {
    await app.button('Train').click();
    await app.waitForStep(20);
    await app.pause();
    const step = await app.number('step');
    await expect.poll(() => storedCheckpointStep(page)).toBe(step);
    return step;
  })();

  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('10');
  await app.lambdaSlider('plane').fill('10');
  await app.button('Train').click();
  await expect(app.readout('error')).toContainText(
    /Task '(gauss|plane)' loss became (NaN|-?Infinity) at step \d+/,
  );
  await expect(app.button('Train')).toBeEnabled(); // paused
  // No NaN reached the readouts (nor, with them, the curves).
  for (const task of ['gauss', 'plane']) {
    expect(Number.isFinite(await app.number(`loss-${task}`))).toBe(true);
  }
  // The diverged weights were not stored over the good ones.
  expect(await storedCheckpointStep(page)).toBe(kept);

  await app.button('Roll back and halve the learning rate').click();
  await expect(app.readout('error')).toContainText(
    `Rolled back to step ${kept} with the learning rate halved`,
  );
  await expect(page.getByRole('spinbutton', { name: 'Learning rate' })).toHaveValue('5');
});
