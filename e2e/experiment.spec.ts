import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { STRATEGY_INFO } from '../src/spec/weighting';
import { Playground } from './playground';

/** The two methods the panel picks by default, as the table and the files name them. */
const METHODS = [STRATEGY_INFO.equal.label, STRATEGY_INFO.mgda.label];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sets up 2 methods (the panel's default picks) × 2 seeds and starts. */
async function startExperiment(page: Page, steps: number) {
  const panel = page.getByRole('region', { name: 'Experiment' });
  for (const name of METHODS)
    await expect(panel.getByRole('checkbox', { name, exact: true })).toBeChecked();
  await panel.getByRole('spinbutton', { name: 'Repeats' }).fill('2');
  await panel.getByRole('spinbutton', { name: 'Budget per run' }).fill(String(steps));
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  return panel;
}

/** The table's body rows as text, one per method. */
const tableRows = (page: Page) => page.getByTestId('experiment-table').locator('tbody tr');

test('a 2-method × 2-seed experiment fills its table and downloads it as CSV and Markdown', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const app = new Playground(page);
  await app.open();
  const panel = await startExperiment(page, 15);
  await expect(page.getByTestId('experiment-progress')).toHaveText('Done: 4 runs', {
    timeout: 240_000,
  });
  await expect(tableRows(page)).toHaveCount(2);
  for (const row of await tableRows(page).all()) {
    // Two tasks' metrics and Δm %, each mean ± std over the two seeds.
    const cells = await row.locator('td').allTextContents();
    expect(
      cells.slice(0, 3).every((c) => / ± /.test(c)),
      cells.join(' | '),
    ).toBe(true);
    expect(cells[4]).toBe('2');
  }
  const download = async (name: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name }).click(),
    ]);
    return (await readFile((await file.path())!)).toString('utf8');
  };
  const csv = (await download('Results CSV')).trim().split('\n');
  expect(csv).toHaveLength(3);
  expect(csv[0]!.split(',')).toHaveLength(15);
  expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(METHODS);
  expect(csv.slice(1).every((line) => line.split(',').length === 15)).toBe(true);
  const markdown = (await download('Results Markdown')).trim().split('\n');
  expect(markdown[0]).toMatch(/^\| Method \| gauss \(.+\) \| plane \(.+\) \| Δm % \|/);
  expect(markdown).toHaveLength(4);
  const json = JSON.parse(await download('Runs JSON')) as {
    runs: { method: string; history: { valMetric: { steps: number[] } } | null }[];
  };
  expect(json.runs.map((r) => r.method).sort()).toEqual([...METHODS, ...METHODS].sort());
  expect(json.runs.every((r) => (r.history?.valMetric.steps.length ?? 0) > 0)).toBe(true);
  // The person's design is back as it was: the default strategy, no step budget.
  await expect(page.getByRole('combobox', { name: 'Weighting strategy' })).toHaveValue('static');
  expect(app.consoleErrors).toEqual([]);
});

test('a reload mid-experiment goes on and finishes without duplicating runs', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new Playground(page);
  await app.open();
  await startExperiment(page, 40);
  await expect(page.getByTestId('experiment-progress')).toContainText('Run 2 of 4', {
    timeout: 120_000,
  });
  await page.reload();
  await expect(page.getByTestId('experiment-progress')).toHaveText('Done: 4 runs', {
    timeout: 240_000,
  });
  await expect(tableRows(page)).toHaveCount(2);
  const history = page.getByRole('region', { name: 'Saved runs' });
  for (const method of METHODS)
    await expect(
      history.getByRole('button', { name: new RegExp(`^Open ${escape(method)} · seed`) }),
    ).toHaveCount(2);
});

test('an experiment preset loads its design and its methods', async ({ page }) => {
  const app = new Playground(page);
  await app.open();
  const panel = page.getByRole('region', { name: 'Experiment' });
  await panel.getByRole('combobox', { name: 'Comparison' }).selectOption('competing-tasks');
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('toy2d');
  for (const strategy of ['equal', 'uncertainty', 'gradnorm', 'mgda', 'nash'] as const)
    await expect(
      panel.getByRole('checkbox', { name: STRATEGY_INFO[strategy].label, exact: true }),
    ).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: /^CAGrad/ })).not.toBeChecked();
  await expect(panel.getByRole('spinbutton', { name: 'Budget per run' })).toHaveValue('2000');
  // The tabular preset compares architectures under one weighting.
  await panel.getByRole('combobox', { name: 'Comparison' }).selectOption('task-correlation');
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('correlated');
  await expect(page.getByRole('spinbutton', { name: 'Task correlation ρ' })).toHaveValue('0.5');
  for (const name of ['Hard sharing', 'MMoE', 'CGC'])
    await expect(panel.getByRole('checkbox', { name, exact: true })).toBeChecked();
  await expect(panel.getByRole('checkbox', { name: METHODS[1]!, exact: true })).not.toBeChecked();
});

test('architectures compare like methods, and three tasks get parallel coordinates', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const app = new Playground(page);
  await app.open();
  const panel = page.getByRole('region', { name: 'Experiment' });
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('mmoe');
  await panel.getByRole('checkbox', { name: METHODS[1]!, exact: true }).uncheck();
  for (const name of ['Hard sharing', 'MMoE'])
    await panel.getByRole('checkbox', { name, exact: true }).check();
  await panel.getByRole('spinbutton', { name: 'Repeats' }).fill('1');
  await panel.getByRole('spinbutton', { name: 'Budget per run' }).fill('15');
  await panel.getByRole('button', { name: 'Run experiment' }).click();
  await expect(page.getByTestId('experiment-progress')).toHaveText('Done: 2 runs', {
    timeout: 240_000,
  });
  // One weighting: rows are named by architecture alone.
  await expect(tableRows(page).locator('th')).toHaveText(['Hard sharing', 'MMoE']);
  const parallel = page.getByRole('figure', { name: 'Parallel coordinates of the tasks' });
  await expect(parallel.locator('.recharts-line')).toHaveCount(4); // 2 runs, 2 means
  await expect(page.getByRole('figure', { name: 'Pareto view of the two tasks' })).toHaveCount(0);
  // The design is the person's MMoE again.
  await expect(page.getByRole('combobox', { name: 'Sharing' })).toHaveValue('mmoe');
  expect(app.consoleErrors).toEqual([]);
});
