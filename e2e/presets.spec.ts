import { expect, test } from '@playwright/test';
import { PRESETS } from '../src/design/presets';
import { Playground } from './playground';

test('every preset builds and trains a step on WebGPU', async ({ page }) => {
  // Validation of the MNIST presets (1 200+ images through a CNN) takes about a minute on SwiftShader.
  test.setTimeout(600_000);
  const app = new Playground(page);
  await app.open();
  await expect(app.readout('backend')).toHaveText('webgpu');
  for (const preset of PRESETS) {
    await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset.id);
    await expect(app.readout('error')).toHaveCount(0);
    await app.button('Step').click();
    await expect(app.readout('step')).toHaveText('1', { timeout: 120_000 });
    for (const task of preset.spec.tasks) {
      expect(
        Number(await app.readout(`loss-${task.name}`).textContent()),
        `${preset.id}/${task.name}`,
      ).toBeGreaterThan(0);
    }
    await expect(app.readout('val-step')).toHaveText('1', { timeout: 180_000 });
    // Loading the next preset discards this run, after asking.
    page.once('dialog', (dialog) => void dialog.accept());
  }
  expect(app.consoleErrors).toEqual([]);
});

test('changing the design during a run asks first; saying no keeps run and design', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.stepOnce();
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('group', { name: 'circle', exact: true })).toHaveCount(0);
  await expect(app.readout('step')).toHaveText('1');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('group', { name: 'circle', exact: true })).toBeVisible();
  await expect(app.readout('step')).toHaveText('0');
});
