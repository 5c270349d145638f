/**
 * Screenshots of the running app for a human to look at (needs `npm run preview` on port 4173):
 *   npx tsx scripts/screenshot.ts [out-dir] [train|builder|architectures|experiment|data|history|weighting|why]
 * `train` opens the default example and trains for TRAIN_MS (default 15 s); `builder` opens the
 * inspector and every kind of preset; `architectures` each architecture's preset in the diagram; `data` shows each data preview, decision maps, a CSV
 * upload trained with a confusion matrix open; `history` two saved runs, baselines and a comparison;
 * `weighting` the weighting panel for a few strategies, a MoCo run and FAMO on the landscape.
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';

const out = process.argv[2] ?? '.shots';
const scenario = process.argv[3] ?? 'train';
const url = process.env.APP_URL ?? 'http://127.0.0.1:4173';

async function train(page: Page): Promise<void> {
  await page.screenshot({ path: `${out}/01-start.png` });
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForTimeout(Number(process.env.TRAIN_MS ?? 15_000));
  await page.screenshot({ path: `${out}/02-training.png` });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${out}/03-paused.png`, fullPage: true });
  console.log('step', await page.getByTestId('step').textContent());
}

async function builder(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Shared encoder' }).getByRole('button').first().click();
  await page.screenshot({ path: `${out}/10-builder.png` });
  for (const preset of ['mmoe', 'cnn', 'attention']) {
    await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
    await page.screenshot({ path: `${out}/11-${preset}.png`, fullPage: true });
  }
}

async function architectures(page: Page): Promise<void> {
  for (const preset of ['cgc', 'ple', 'dselectk', 'crossStitch', 'mtan']) {
    await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
    await page.waitForTimeout(500);
    await page
      .getByRole('region', { name: 'Model' })
      .screenshot({ path: `${out}/12-${preset}.png` });
  }
}

async function experiment(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Experiment' });
  await panel.getByRole('checkbox', { name: 'CAGrad' }).check();
  await panel.getByRole('spinbutton', { name: 'Repeats' }).fill('2');
  await panel
    .getByRole('spinbutton', { name: 'Budget per run' })
    .fill(process.env.EXPERIMENT_STEPS ?? '60');
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  await page.waitForTimeout(4000);
  await panel.screenshot({ path: `${out}/50-experiment-running.png` });
  await page.getByTestId('experiment-progress').getByText(/^Done/).waitFor({ timeout: 600_000 });
  await page.waitForTimeout(2000);
  await panel.screenshot({ path: `${out}/51-experiment-done.png` });
}

async function data(page: Page): Promise<void> {
  const design = page.getByRole('complementary', { name: 'Design' });
  await page.getByTestId('preview-points').waitFor();
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption('spiral');
  await page.getByRole('button', { name: 'Train' }).click();
  await page.getByTestId('decision-map-circle').waitFor();
  await page.waitForTimeout(Number(process.env.TRAIN_MS ?? 8000));
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${out}/20-maps.png`, fullPage: true });
  await page.getByRole('button', { name: 'Reset' }).click();
  for (const preset of ['multimnist', 'gradnorm', 'attention']) {
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
    await page.waitForTimeout(2500);
    await design.screenshot({ path: `${out}/21-${preset}.png` });
  }
  await page.getByLabel('Upload CSV').setInputFiles('src/data/csv/fixtures/penguins.csv');
  await page.getByTestId('csv-report').waitFor();
  for (const [column, role] of [
    ['species', 'target'],
    ['body_mass_g', 'target'],
    ['year', 'ignore'],
  ])
    await page.getByRole('combobox', { name: `Role of ${column}` }).selectOption(role!);
  await design.screenshot({ path: `${out}/22-csv.png` });
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForTimeout(Number(process.env.TRAIN_MS ?? 8000));
  await page.getByRole('button', { name: 'Confusion matrix of species' }).click();
  await page.getByTestId('confusion-matrix').waitFor();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${out}/23-csv-trained.png`, fullPage: true });
}

async function history(page: Page): Promise<void> {
  await page.getByRole('spinbutton', { name: 'Steps' }).fill('40');
  for (const learningRate of ['0.01', '0.05']) {
    await page.getByRole('spinbutton', { name: 'Learning rate' }).fill(learningRate);
    await page.getByRole('button', { name: 'Train' }).click();
    await page.getByTestId('step').filter({ hasText: /^40$/ }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1500);
    if (learningRate === '0.05') break;
    await page.getByRole('button', { name: 'Reset' }).click();
  }
  await page.getByRole('button', { name: 'Run baselines' }).click();
  await page.getByTestId('delta-m').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(2500);
  for (const box of await page.getByRole('checkbox', { name: /^Compare / }).all())
    await box.check();
  await page.screenshot({ path: `${out}/30-history.png`, fullPage: true });
  await page.getByRole('region', { name: 'Compare runs', exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/30-history.png`, fullPage: true });
}

async function weighting(page: Page): Promise<void> {
  const panel = page.getByRole('group', { name: 'Task weighting' });
  const choose = (id: string) =>
    page.getByRole('combobox', { name: 'Weighting strategy' }).selectOption(id);
  for (const id of ['rlw', 'famo', 'moco']) {
    await choose(id);
    await panel.screenshot({ path: `${out}/40-weighting-${id}.png` });
  }
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForTimeout(Number(process.env.TRAIN_MS ?? 8000));
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: `${out}/41-moco-trained.png`, fullPage: true });
  const landscape = page.getByRole('region', { name: 'Optimization landscape' });
  await landscape.getByRole('checkbox', { name: /FAMO/ }).check();
  await landscape.getByRole('button', { name: 'Run trajectories' }).click();
  await landscape.getByText(/^(\d+) of \1 finished$/).waitFor({ timeout: 120_000 });
  await landscape.screenshot({ path: `${out}/42-landscape-famo.png` });
}

async function why(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Why' });
  const views: [string, string[]][] = [
    ['cnn', ['Saliency', 'Shared representation']],
    ['mmoe', ['Feature attribution', 'Gates']],
    ['mtan', ['Gates']],
    ['attention', ['Attention', 'Saliency']],
    ['correlated', ['Feature attribution']],
  ];
  page.on('dialog', (d) => void d.accept()); // "discard this run?" when the preset changes
  for (const [preset, names] of views) {
    await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset);
    for (const name of names) {
      const region = panel.getByRole('region', { name, exact: true });
      if (!(await region.locator('details').getAttribute('open')))
        await region.locator('summary').click();
    }
    await page
      .getByRole('spinbutton', { name: 'Steps', exact: true })
      .fill(process.env.WHY_STEPS ?? '150');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page
      .getByTestId('step')
      .getByText(process.env.WHY_STEPS ?? '150')
      .waitFor({ timeout: 300_000 });
    await page.waitForTimeout(2000);
    await panel.screenshot({ path: `${out}/60-why-${preset}.png` });
    for (const name of names)
      await panel.getByRole('region', { name, exact: true }).locator('summary').click();
  }
}

const scenarios: Record<string, (page: Page) => Promise<void>> = {
  why,
  train,
  builder,
  architectures,
  experiment,
  data,
  history,
  weighting,
};

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.on('console', (m) => console.log(`[${m.type()}] ${m.text()}`));
await page.goto(url);
await page.getByTestId('backend').filter({ hasNotText: '…' }).waitFor({ state: 'attached' });
await (scenarios[scenario] ?? train)(page);
await browser.close();
