import { expect, test, type Page } from '@playwright/test';
import { Playground } from './playground';

const PENGUINS = 'src/data/csv/fixtures/penguins.csv';

/** Uploads a file through the "Upload CSV" input, as a person picking it from disk. */
async function upload(page: Page, name: string, contents: string | Buffer): Promise<void> {
  await page.getByLabel('Upload CSV').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: typeof contents === 'string' ? Buffer.from(contents) : contents,
  });
}

const role = (page: Page, column: string) =>
  page.getByRole('combobox', { name: `Role of ${column}` });

test('a CSV with a header trains a classification and a regression task whose losses fall', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await page.getByLabel('Upload CSV').setInputFiles(PENGUINS);
  await expect(page.getByTestId('csv-report')).toContainText('240 rows');
  await expect(page.getByTestId('preview-csv')).toContainText('Chinstrap');
  await role(page, 'species').selectOption('target');
  await role(page, 'body_mass_g').selectOption('target');
  await role(page, 'year').selectOption('ignore');
  await expect(page.getByRole('combobox', { name: 'Task kind for species' })).toHaveValue(
    'classification',
  );
  await expect(page.getByRole('combobox', { name: 'Task kind for body_mass_g' })).toHaveValue(
    'regression',
  );
  await expect(app.readout('error')).toHaveCount(0);

  await app.stepOnce();
  const first = {
    species: await app.number('val-loss-species'),
    body_mass_g: await app.number('val-loss-body_mass_g'),
  };
  await app.button('Train').click();
  await app.waitForStep(40);
  await app.pause();
  expect(await app.number('val-loss-species')).toBeLessThan(first.species * 0.7);
  expect(await app.number('val-loss-body_mass_g')).toBeLessThan(first.body_mass_g * 0.8);
  expect(await app.number('metric-species')).toBeGreaterThan(0.6);

  // The confusion matrix counts every validation row once, under the file's class names.
  await page.getByRole('button', { name: 'Confusion matrix of species' }).click();
  const matrix = page.getByTestId('confusion-matrix');
  await expect(matrix).toContainText('Gentoo');
  const counts = await matrix.locator('tbody td').allTextContents();
  expect(counts).toHaveLength(9);
  const report = await page.getByTestId('csv-report').textContent();
  const validation = Number(/(\d+) for validation/.exec(report ?? '')![1]);
  expect(counts.reduce((a, c) => a + Number(c), 0)).toBe(validation);
  expect(app.consoleErrors).toEqual([]);
});

test('bad CSV files are refused with what and where, and the design stays', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const error = app.readout('error');
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty.csv', '', /empty\.csv: The file 'empty\.csv' is empty/],
    ['numbers.csv', '1,2,3\n4,5,6\n', /first line is data .* not a header/],
    ['one.csv', 'price\n1\n2\n', /header has a single column \('price'\)/],
    ['ragged.csv', 'a,b,c\n1,2,3\n4,5\n', /Line 3 has 2 fields but the header has 3/],
    [
      'image.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /not a text file/,
    ],
  ];
  for (const [name, contents, message] of cases) {
    await upload(page, name, contents);
    await expect(error).toContainText(message);
    await expect(error).toContainText('Your design and runs are unchanged');
    await expect(app.readout('lambda-gauss')).toBeVisible(); // the 2-D design is still there
    await error.getByRole('button', { name: 'Dismiss' }).click();
  }

  // Rows that exist but cannot train: after dropping rows with missing inputs, one class is left.
  const rows = ['x,label', ...Array.from({ length: 30 }, (_, i) => (i % 6 ? `${i},a` : `NA,b`))];
  await upload(page, 'oneclass.csv', rows.join('\n'));
  await expect(error).toContainText(/Target 'label' has a single class \('a'\)/);
  await expect(app.button('Train')).toBeDisabled();
  // Imputing the missing inputs keeps both classes: the problem goes away.
  await page.getByRole('combobox', { name: 'Missing values' }).selectOption('impute');
  await expect(error).toHaveCount(0);
  await expect(app.button('Train')).toBeEnabled();

  // Text with too many values cannot be an input, and says why; a single-valued column cannot be a target.
  const text = [
    'name,constant,y',
    ...Array.from({ length: 80 }, (_, i) => `person ${i},7,${i % 2}`),
  ];
  await upload(page, 'people.csv', text.join('\n'));
  await expect(role(page, 'name').locator('option[value="input"]')).toBeDisabled();
  await expect(role(page, 'name').locator('option[value="input"]')).toHaveAttribute(
    'title',
    /80 distinct values \(first: 'person 0' on line 2\); at most 50 can be one-hot encoded/,
  );
  await expect(role(page, 'constant').locator('option[value="target"]')).toBeDisabled();
  expect(app.consoleErrors).toEqual([]);
});

test('after a reload a CSV design asks for its file again, and trains once it is back', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await page.getByLabel('Upload CSV').setInputFiles(PENGUINS);
  await role(page, 'species').selectOption('target');
  await page.reload();
  await expect(app.readout('backend')).not.toHaveText('…');
  await expect(app.readout('error')).toContainText('Upload penguins.csv again');
  await expect(app.button('Train')).toBeDisabled();
  await page.getByLabel('Upload CSV').setInputFiles(PENGUINS);
  await expect(app.readout('error')).toHaveCount(0);
  await expect(role(page, 'species')).toHaveValue('target'); // the design's choices stood
  await app.stepOnce();
});

test('MultiMNIST preview shows digits with both labels', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('multimnist');
  const tiles = page.getByTestId('preview-image');
  await expect(tiles).toHaveCount(30);
  await expect(tiles.first()).toContainText(/left \d · right \d/);
  // Real ink: a digit tile has dark and light pixels.
  const inked = await tiles
    .first()
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 100) dark++;
      return dark / (data.length / 4);
    });
  expect(inked).toBeGreaterThan(0.05);
  expect(inked).toBeLessThan(0.6);
});

test('2-D sets: options redraw the preview, and training draws a decision map per task', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  const points = page.getByTestId('preview-points');
  await expect(points).toBeVisible();
  const pixels = () => points.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const before = await pixels();
  await app.button('Regenerate').click();
  await expect.poll(pixels).not.toBe(before);
  await page.getByRole('spinbutton', { name: 'Validation %' }).fill('25');
  await expect(page.getByText('150 training and 50 validation examples')).toBeVisible();

  await app.stepOnce();
  for (const task of ['gauss', 'plane'])
    await expect(app.readout(`decision-map-${task}`)).toBeVisible();
  const map = () =>
    app.readout('decision-map-gauss').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const atStep1 = await map();
  await app.button('Train').click();
  await app.waitForStep(40);
  await app.pause();
  // Redrawn as the model learned: the maps of the stopped run follow its validation.
  await expect.poll(map).not.toBe(atStep1);
  expect(app.consoleErrors).toEqual([]);
});
