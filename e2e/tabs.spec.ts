import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('two tabs never write the same run: the second is told, and each sees the other’s changes', async ({
  context,
}) => {
  const a = new Playground(await context.newPage());
  const b = new Playground(await context.newPage());
  await a.open();
  await b.open();
  await a.stepOnce();
  const runsA = a.page.getByRole('region', { name: 'Saved runs' });
  const runsB = b.page.getByRole('region', { name: 'Saved runs' });
  // b learns of the new run without a reload (BroadcastChannel).
  await expect(runsB.getByRole('button', { name: /^Open / })).toHaveCount(1);

  // a renames it; b's list follows.
  await runsA.getByRole('button', { name: /^Rename / }).click();
  await runsA.getByRole('textbox', { name: 'New name' }).fill('shared');
  await runsA.getByRole('button', { name: 'Save' }).click();
  await expect(runsB.getByRole('button', { name: 'Open shared' })).toBeVisible();

  // a has the run open: b may neither open nor delete it.
  await runsB.getByRole('button', { name: 'Open shared' }).click();
  await expect(b.readout('error')).toContainText(
    "'shared' is open in another tab of MTL Playground",
  );
  await expect(b.readout('step')).toHaveText('0');
  b.page.once('dialog', (dialog) => void dialog.accept());
  await runsB.getByRole('button', { name: 'Delete shared' }).click();
  await expect(b.readout('error')).toContainText('to delete it here');
  await expect(runsA.getByRole('button', { name: 'Open shared' })).toBeVisible();

  // Once a lets it go (Reset), b opens it with its weights, and a is the one refused.
  await a.button('Reset').click();
  await expect(a.readout('step')).toHaveText('0');
  await runsB.getByRole('button', { name: 'Open shared' }).click();
  await expect(b.readout('step')).toHaveText('1');
  await runsA.getByRole('button', { name: 'Open shared' }).click();
  await expect(a.readout('error')).toContainText('is open in another tab');
  expect(a.consoleErrors).toEqual([]);
  expect(b.consoleErrors).toEqual([]);
});
