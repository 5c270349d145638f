import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('bad input is explained, blocks training, and never loses the design', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const lr = page.getByRole('spinbutton', { name: 'Learning rate' });
  await lr.fill('-1');
  await expect(app.readout('error')).toContainText('Learning rate must be above 0');
  await expect(app.button('Train')).toBeDisabled();

  await page
    .getByRole('group', { name: 'plane' })
    .getByRole('textbox', { name: 'Task name' })
    .fill('9 lives');
  await expect(app.readout('error')).toContainText("Task '9 lives': a name starts with a letter");

  await lr.fill('0.02');
  await page
    .getByRole('group', { name: '9 lives' })
    .getByRole('textbox', { name: 'Task name' })
    .fill('height');
  await expect(app.readout('error')).toHaveCount(0);
  await expect(app.button('Train')).toBeEnabled();
  // The renamed task keeps its loss and trains under its new name.
  await expect(page.getByRole('combobox', { name: 'Loss for height' })).toHaveValue('mse');
  await app.button('Step').click();
  await expect(app.readout('step')).toHaveText('1');
  expect(await app.number('loss-height')).toBeGreaterThan(0);
});

test('tasks can be added and removed, and the parameter count follows', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.button('Add task').click();
  await expect(page.getByRole('group', { name: 'circle' })).toBeVisible();
  await expect(app.readout('params')).toHaveText(String(371 + 34));
  await page.getByRole('button', { name: 'Remove task gauss' }).click();
  await expect(page.getByRole('group', { name: 'gauss' })).toHaveCount(0);
  await expect(app.readout('params')).toHaveText(String(371));
  await app.stepOnce();
  await expect(app.readout('loss-circle')).not.toHaveText('—');
});
