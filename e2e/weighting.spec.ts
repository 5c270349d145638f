import { expect, test } from '@playwright/test';
import { ADAPTIVE_STRATEGIES, STRATEGIES, STRATEGY_INFO } from '../src/spec/weighting';
import { Playground } from './playground';

test('every weighting strategy trains on WebGPU; adaptive ones move λ, all keep losses finite', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const app = new Playground(page);
  await app.open();
  await expect(app.readout('backend')).toHaveText('webgpu');
  for (const strategy of STRATEGIES) {
    await page.getByRole('combobox', { name: 'Weighting strategy' }).selectOption(strategy);
    // Window-based strategies learn from a few steps here, not from their default windows.
    if (strategy === 'dwa')
      await page.getByRole('spinbutton', { name: 'DWA window (steps)' }).fill('2');
    if (strategy === 'stch')
      await page
        .getByRole('spinbutton', { name: 'STCH warm-up (steps) for the nadir point' })
        .fill('2');
    const seen = new Set<string>();
    for (let k = 0; k < 7; k++) {
      await app.stepOnce();
      seen.add(
        `${await app.readout('lambda-gauss').textContent()}|${await app.readout('lambda-plane').textContent()}`,
      );
    }
    for (const task of ['gauss', 'plane']) {
      expect(Number.isFinite(await app.number(`loss-${task}`)), `${strategy} ${task}`).toBe(true);
      expect(Number.isFinite(await app.number(`val-loss-${task}`))).toBe(true);
    }
    expect(seen.size > 1, `${STRATEGY_INFO[strategy].label}: λ ${[...seen].join(' ')}`).toBe(
      ADAPTIVE_STRATEGIES.includes(strategy),
    );
    await app.button('Reset').click();
    await expect(app.readout('step')).toHaveText('0');
  }
  expect(app.consoleErrors).toEqual([]);
});

test('a strategy switch mid-run reaches the worker without a reset; interference is measured', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.button('Train').click();
  await app.waitForStep(3);
  await page.getByRole('combobox', { name: 'Weighting strategy' }).selectOption('mgda');
  // MGDA's weights lie on the simplex: they sum to 1, where static λ summed to 2.
  await expect
    .poll(async () => (await app.number('lambda-gauss')) + (await app.number('lambda-plane')), {
      timeout: 60_000,
    })
    .toBeCloseTo(1, 2);
  await app.pause();
  expect(await app.number('step')).toBeGreaterThan(3);
  await expect(page.getByTestId('conflict-share')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'λ gauss' })).toBeDisabled();
});

test('the optimization landscape runs strategies live and shows where they end', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await page.getByRole('button', { name: 'Run trajectories' }).click();
  await expect(page.getByTestId('landscape-progress')).toHaveText('12 of 12 finished', {
    timeout: 60_000,
  });
  const rows = page.getByTestId('landscape-ends').locator('tbody tr');
  await expect(rows).toHaveCount(12);
  for (const row of await rows.all()) {
    const strategy = await row.getAttribute('data-strategy');
    const [x1, x2] = (await row.getByTestId('landscape-end').textContent())!
      .match(/\((-?[\d.]+), (-?[\d.]+)\)/)!
      .slice(1)
      .map(Number);
    if (strategy === 'mgda' || strategy === 'pcgrad') {
      expect(Math.abs(x2! + 8.3552), `${strategy} ${x1}, ${x2}`).toBeLessThan(0.1);
      await expect(row.locator('td').last()).toHaveText('on it');
    }
    if (strategy === 'cagrad') expect(Math.abs(x1!), `cagrad ${x1}`).toBeLessThan(0.05);
  }
  expect(app.consoleErrors).toEqual([]);
});
