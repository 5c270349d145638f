import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('a run survives a reload: renamed, opened with its curves, and trained on from its weights', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.button('Train').click();
  await app.waitForStep(30);
  await app.pause();
  const step = await app.number('step');
  const valLoss = await app.readout('val-loss-circle').textContent();
  const runs = page.getByRole('region', { name: 'Saved runs' });
  const row = runs.getByRole('row', { name: /circle \+ wave/ });
  // Saved with its curves and, since it paused, its weights.
  await expect(row.getByRole('cell').first()).toHaveText(String(step));
  await expect(row).not.toContainText('curves only');
  await row.getByRole('button', { name: /^Rename / }).click();
  await runs.getByRole('textbox', { name: 'New name' }).fill('first try');
  await runs.getByRole('button', { name: 'Save' }).click();
  await expect(runs.getByRole('row', { name: /first try/ })).toBeVisible();

  await page.reload();
  await expect(app.readout('backend')).not.toHaveText('…');
  await expect(app.readout('step')).toHaveText('0');
  await runs.getByRole('button', { name: 'Open first try' }).click();
  await expect(app.readout('step')).toHaveText(String(step));
  await expect(app.readout('val-loss-circle')).toHaveText(valLoss!);
  // The loss chart shows the saved curves: one line per task and split.
  await expect(app.readout('chart-loss').locator('path.recharts-curve')).toHaveCount(4);

  await app.button('Train').click();
  await app.waitForStep(step + 10);
  await app.pause();
  await expect(runs.getByRole('row', { name: /first try/ })).toContainText('(current)');
  expect(app.consoleErrors).toEqual([]);
});

test('deleting a run removes it, after asking', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await app.stepOnce();
  const runs = page.getByRole('region', { name: 'Saved runs' });
  await expect(runs.getByRole('button', { name: /^Delete / })).toHaveCount(1);
  page.once('dialog', (dialog) => void dialog.dismiss());
  await runs.getByRole('button', { name: /^Delete / }).click();
  await expect(runs.getByRole('button', { name: /^Delete / })).toHaveCount(1);
  page.once('dialog', (dialog) => void dialog.accept());
  await runs.getByRole('button', { name: /^Delete / }).click();
  await expect(runs.getByText('Runs appear here as soon as they train.')).toBeVisible();
});
