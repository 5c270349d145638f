import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { Playground } from './playground';

/** Loads a preset, opens the named why views and trains `steps` steps. */
async function trainWithViews(app: Playground, preset: string, views: string[], steps = 20) {
  const { page } = app;
  await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
  const why = page.getByRole('region', { name: 'Why' });
  for (const name of views)
    await why.getByRole('region', { name, exact: true }).locator('summary').click();
  await page.getByRole('spinbutton', { name: 'Steps' }).fill(String(steps));
  await app.button('Train').click();
  await app.waitForStep(steps);
  return why;
}

/** Saves a drawing in both formats; returns the SVG's text. */
async function saveBoth(page: Page, label: string): Promise<string> {
  const save = async (format: 'SVG' | 'PNG') => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Save ${label} as ${format}` }).click(),
    ]);
    return readFile((await file.path())!);
  };
  const png = await save('PNG');
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]); // a PNG file
  return (await save('SVG')).toString('utf8');
}

test('gates, attribution and the shared representation render on MMoE, and export', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new Playground(page);
  await app.open();
  const why = await trainWithViews(app, 'mmoe', [
    'Gates',
    'Feature attribution',
    'Shared representation',
  ]);
  const gates = why.getByRole('img', { name: 'Gates', exact: true });
  await expect(gates).toBeVisible();
  // Three gates over four experts, each row's weights written in its cells and summing to 1.
  const cells = await gates.locator('rect title').allTextContents();
  expect(cells).toHaveLength(12);
  for (const task of ['circle', 'xor', 'bowl']) {
    const weights = cells
      .filter((c) => c.startsWith(`${task} ·`))
      .map((c) => Number(c.split(': ')[1]));
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 2);
  }
  await expect(why.getByRole('img', { name: 'Feature attribution: task × input' })).toBeVisible();
  // 2-D points: the same over the plane, one map per task beside the decision maps.
  await expect(
    why.getByRole('img', { name: 'Attribution over the plane per task' }).locator('image'),
  ).toHaveCount(3);
  await expect(
    why.getByRole('img', { name: /^Shared representation coloured by circle/ }),
  ).toBeVisible();
  // MMoE: each task reads its own mixture; the view can show another task's.
  await why.getByRole('combobox', { name: 'Input of task' }).selectOption('xor');
  await expect(why.getByText(/xor’s input/)).toBeVisible();
  const svg = await saveBoth(page, 'Gates');
  expect(svg).toContain('<svg');
  expect(svg).toContain('shared 4');
  // Not applicable here: saliency explains itself.
  await why.getByRole('region', { name: 'Saliency', exact: true }).locator('summary').click();
  await expect(page.getByTestId('why-saliency-unavailable')).toContainText('explain image inputs');
  expect(app.consoleErrors).toEqual([]);
});

test('saliency maps of every task render on the CNN preset, by either method', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new Playground(page);
  await app.open();
  const why = await trainWithViews(app, 'cnn', ['Saliency']);
  const figure = why.getByRole('img', { name: /^Saliency per task \(gradient × input\)/ });
  await expect(figure).toBeVisible();
  // 8 images × (input + 3 tasks).
  await expect(figure.locator('image')).toHaveCount(32);
  // Another set of validation images.
  await why.getByRole('spinbutton', { name: 'First image' }).fill('11');
  await expect(figure.getByText('example 11', { exact: true })).toBeVisible({ timeout: 30_000 });
  await why.getByRole('combobox', { name: 'Saliency method' }).selectOption('integrated');
  await expect(why.getByRole('img', { name: /integrated gradients/ })).toBeVisible({
    timeout: 30_000,
  });
  expect(await saveBoth(page, 'Saliency per task (integrated gradients)')).toContain('<image');
  expect(app.consoleErrors).toEqual([]);
});

test('attention maps of each head render on the self-attention preset', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new Playground(page);
  await app.open();
  const why = await trainWithViews(app, 'attention', ['Attention']);
  const heads = why.getByRole('img', { name: /, head \d+$/ });
  await expect(heads.first()).toBeVisible();
  expect(await heads.count()).toBeGreaterThanOrEqual(1);
  await why.getByRole('spinbutton', { name: 'Validation sequence' }).fill('3');
  await expect(why.getByText(/validation sequence 3 /)).toBeVisible({ timeout: 30_000 });
  expect(app.consoleErrors).toEqual([]);
});
