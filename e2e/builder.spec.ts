import { expect, test, type Page } from '@playwright/test';
import { Playground } from './playground';

const encoder = (page: Page) => page.getByRole('group', { name: 'Shared encoder' });
const inspector = (page: Page) => page.getByRole('group', { name: 'Layer' });

test('build a 3-task model from scratch, train it on WebGPU, reload and find the same design', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.readout('backend')).toHaveText('webgpu');

  // Start from nothing: remove the example's layers.
  for (let i = 0; i < 2; i++) {
    await encoder(page)
      .getByRole('button', { name: /^Dense/ })
      .first()
      .click();
    await inspector(page).getByRole('button', { name: 'Remove layer' }).click();
  }
  await expect(encoder(page).getByRole('button', { name: /^Dense/ })).toHaveCount(0);

  // Shared encoder: Dense 24 tanh, then LayerNormalization.
  await encoder(page).getByRole('button', { name: 'Add layer' }).click();
  await inspector(page).getByRole('spinbutton', { name: 'Units' }).fill('24');
  await inspector(page).getByRole('combobox', { name: 'Activation' }).selectOption('tanh');
  await encoder(page).getByRole('button', { name: 'Add layer' }).click();
  await inspector(page).getByRole('combobox', { name: 'Layer type' }).selectOption('layerNorm');
  await expect(encoder(page).getByRole('button')).toHaveText([
    /Dense 24 · tanh/,
    /LayerNormalization/,
    'Add layer',
  ]);

  // A third task with its own hidden layer, and a changed loss.
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByRole('group', { name: 'circle', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Add layer to circle' }).click();
  await inspector(page).getByRole('spinbutton', { name: 'Units' }).fill('8');
  await page
    .getByRole('combobox', { name: 'Loss for circle' })
    .selectOption('sigmoidBinaryCrossEntropy');
  await page.getByRole('combobox', { name: 'Loss for plane' }).selectOption('huber');

  // 2→24 (72) + LN (48) | gauss 24→2 (50) | plane 24→1 (25) | circle 24→8 (200) + 8→1 (9)
  await expect(app.readout('params')).toHaveText(String(72 + 48 + 50 + 25 + 200 + 9));
  await expect(app.readout('error')).toHaveCount(0);

  await app.button('Train').click();
  await app.waitForStep(6);
  await app.pause();
  for (const task of ['gauss', 'plane', 'circle'])
    expect(await app.number(`loss-${task}`)).toBeGreaterThan(0);

  await page.reload();
  await expect(app.readout('backend')).not.toHaveText('…'); // the worker is back (under Auto)
  await expect(encoder(page).getByRole('button')).toHaveText([
    /Dense 24 · tanh/,
    /LayerNormalization/,
    'Add layer',
  ]);
  await expect(page.getByRole('combobox', { name: 'Loss for circle' })).toHaveValue(
    'sigmoidBinaryCrossEntropy',
  );
  await expect(page.getByRole('combobox', { name: 'Loss for plane' })).toHaveValue('huber');
  await expect(
    page.getByTestId('head-circle').getByRole('button', { name: /Dense 8/ }),
  ).toBeVisible();
  await expect(app.readout('params')).toHaveText(String(72 + 48 + 50 + 25 + 200 + 9));
  expect(app.consoleErrors).toEqual([]);
});

test('undo and redo walk through design edits, by button and by keyboard', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await page.getByRole('button', { name: 'Add task' }).click();
  await page.getByRole('combobox', { name: 'Sharing' }).selectOption('mmoe');
  await expect(page.getByTestId('head-circle').getByText(/Gate/)).toBeVisible();
  await app.button('Undo').click();
  await expect(page.getByRole('combobox', { name: 'Sharing' })).toHaveValue('hard');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('group', { name: 'circle', exact: true })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('group', { name: 'circle', exact: true })).toBeVisible();
  await app.button('Redo').click();
  await expect(page.getByRole('combobox', { name: 'Sharing' })).toHaveValue('mmoe');
});

test('a share link reproduces the design and the experiment settings in a fresh browser', async ({
  page,
  browser,
}) => {
  const app = new Playground(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('attention');
  await encoder(page)
    .getByRole('button', { name: /SelfAttention/ })
    .click();
  await inspector(page).getByRole('spinbutton', { name: 'Heads' }).fill('4');
  // The Experiment panel's settings travel with the design.
  const experiment = page.getByRole('region', { name: 'Experiment' });
  await experiment.getByRole('checkbox', { name: /^CAGrad/ }).check();
  await experiment.getByRole('checkbox', { name: 'MMoE', exact: true }).check();
  await experiment.getByRole('spinbutton', { name: 'Repeats' }).fill('5');
  await app.button('Share link').click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const params = await app.readout('params').textContent();

  const fresh = await browser.newContext(); // no localStorage from the first page
  const other = new Playground(await fresh.newPage());
  await other.page.goto(link);
  await expect(other.readout('backend')).not.toHaveText('…');
  await expect(other.page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('sequences');
  await expect(
    encoder(other.page).getByRole('button', { name: /SelfAttention 4 heads/ }),
  ).toBeVisible();
  await expect(other.readout('params')).toHaveText(params!);
  await expect(other.readout('error')).toHaveCount(0);
  const otherExperiment = other.page.getByRole('region', { name: 'Experiment' });
  await expect(otherExperiment.getByRole('checkbox', { name: /^CAGrad/ })).toBeChecked();
  await expect(otherExperiment.getByRole('checkbox', { name: 'MMoE', exact: true })).toBeChecked();
  await expect(otherExperiment.getByRole('spinbutton', { name: 'Repeats' })).toHaveValue('5');
  await fresh.close();
});

test('a broken share link says so and keeps a working design', async ({ page }) => {
  const app = new Playground(page);
  await page.goto('/#design=not-a-design');
  await expect(app.readout('error')).toContainText('The shared link is damaged');
  await expect(app.button('Step')).toBeEnabled();
});

test('a design that cannot work is explained where it happens and blocks training', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await encoder(page).getByRole('button', { name: 'Add layer' }).click();
  await inspector(page).getByRole('combobox', { name: 'Layer type' }).selectOption('conv2d');
  const message = 'Shared layer 3: Conv2D needs an image input [h, w, c]; this input is [16]';
  await expect(inspector(page)).toContainText(message);
  await expect(app.readout('error')).toContainText(message);
  await expect(app.button('Train')).toBeDisabled();
  await inspector(page).getByRole('button', { name: 'Move up' }).click();
  await expect(app.readout('error')).toContainText(
    'Shared layer 2: Conv2D needs an image input [h, w, c]; this input is [16]',
  );
  await inspector(page).getByRole('button', { name: 'Remove layer' }).click();
  await expect(app.readout('error')).toHaveCount(0);
  await expect(app.button('Train')).toBeEnabled();
});
