import { expect, test } from '@playwright/test';
import { Playground } from './playground';

test('opens on the default two-task example, training on WebGPU, with no console errors', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await expect(app.readout('backend')).toHaveText('webgpu');
  await expect(page.getByRole('group', { name: 'Shared encoder' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'gauss' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'plane' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Loss for gauss' })).toHaveValue(
    'softmaxCrossEntropy',
  );
  await expect(page.getByRole('combobox', { name: 'Loss for plane' })).toHaveValue('mse');
  await expect(app.readout('params')).toHaveText('371');
  await expect(app.readout('step')).toHaveText('0');
  await expect(app.readout('error')).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});

test('Train streams steps and curves for both tasks; Pause, Step and Reset work', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.button('Train').click();
  await expect(app.button('Pause')).toBeEnabled();
  await app.waitForStep(25);
  // Two training and two validation lines, each with points.
  const chart = app.readout('chart-loss');
  await expect(chart.locator('path.plot-line')).toHaveCount(4);
  await expect(chart.locator('.plot-legend-text')).toHaveText([
    'gauss train',
    'gauss val',
    'plane train',
    'plane val',
  ]);
  // Hovering a line tells its values at the nearest step.
  await chart.locator('svg.plot-surface').hover();
  await expect(chart.getByRole('tooltip')).toContainText(/^step \d+gauss train: \d/);
  const [gaussTrain, gaussVal, planeTrain, planeVal] = (await chart.getAttribute('data-points'))!
    .split(',')
    .map(Number);
  expect(Math.min(gaussTrain!, planeTrain!)).toBeGreaterThanOrEqual(20);
  expect(Math.min(gaussVal!, planeVal!)).toBeGreaterThanOrEqual(1);
  for (const task of ['gauss', 'plane']) {
    expect(await app.number(`loss-${task}`)).toBeGreaterThan(0);
    expect(await app.number(`val-loss-${task}`)).toBeGreaterThan(0);
  }
  expect(await app.number('metric-gauss')).toBeGreaterThanOrEqual(0);
  expect(await app.number('metric-gauss')).toBeLessThanOrEqual(1);

  await app.pause();
  const paused = await app.number('step');
  await page.waitForTimeout(1000);
  expect(await app.number('step')).toBe(paused); // really stopped

  await app.stepOnce();
  await expect(app.readout('step')).toHaveText(String(paused + 1));

  await app.button('Reset').click();
  await expect(app.readout('step')).toHaveText('0');
  await expect(chart.locator('path.plot-line')).toHaveCount(0);
  await expect(app.readout('loss-gauss')).toHaveText('—');
  // The design survives a reset and trains again.
  await app.button('Step').click();
  await expect(app.readout('step')).toHaveText('1');
  expect(app.consoleErrors).toEqual([]);
});

test('a λ change mid-run reaches the worker: with every λ at 0 the model stops changing', async ({
  page,
}) => {
  const app = new Playground(page);
  await app.open();
  await app.button('Train').click();
  await app.waitForStep(5);
  await app.lambdaSlider('gauss').fill('0');
  await app.lambdaSlider('plane').fill('0');
  // The worker echoes the λ it will use on the next step.
  await expect(app.readout('lambda-gauss')).toHaveText('0');
  await expect(app.readout('lambda-plane')).toHaveText('0');
  const afterChange = await app.number('step');
  await app.waitForStep(afterChange + 3);
  await app.pause();
  const frozen = [await app.number('val-loss-gauss'), await app.number('val-loss-plane')];

  // More training with λ = 0 everywhere leaves the validation losses exactly where they were ...
  await app.stepOnce();
  await app.stepOnce();
  expect([await app.number('val-loss-gauss'), await app.number('val-loss-plane')]).toEqual(frozen);

  // ... and the next step with λ back above 0 moves them.
  await app.lambdaSlider('plane').fill('5');
  await expect(app.readout('lambda-plane')).toHaveText('5');
  await app.stepOnce();
  await expect.poll(() => app.number('val-loss-plane')).not.toBe(frozen[1]);
  expect(app.consoleErrors).toEqual([]);
});
