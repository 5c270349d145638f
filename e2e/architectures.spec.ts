import { expect, test } from '@playwright/test';
import { SHARING_MODES } from '../src/spec/sharing';
import type { StrategyId } from '../src/spec/weighting';
import { Playground } from './playground';

/** A block each architecture adds to the diagram, and where it shows. */
const SIGNS: Record<string, { where: string; text: RegExp }> = {
  mmoe: { where: 'head-gauss', text: /^Gate · 3 experts/ },
  cgc: { where: 'head-gauss', text: /^1 own expert/ },
  ple: { where: 'head-gauss', text: /^Gate, level 2/ },
  dselectk: { where: 'head-gauss', text: /^Gate · picks 2 of 4 experts/ },
  mtan: { where: 'head-gauss', text: /^Attention 2/ },
};

/**
 * One strategy for each of the three ways a strategy reaches the model: loss weights, a Gram
 * matrix read back, a direction formed on the device. Every strategy trains on every
 * architecture on cpu (src/train/strategies.test.ts); steps of mixtures are slow on SwiftShader.
 */
const PATHS: StrategyId[] = ['static', 'mgda', 'dbmtl'];

test('every architecture trains on WebGPU with each way a strategy reaches the model', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const app = new Playground(page);
  await app.open();
  await expect(app.readout('backend')).toHaveText('webgpu');
  const sharing = page.getByRole('combobox', { name: 'Sharing' });
  // Hard sharing runs every strategy in weighting.spec.ts.
  for (const mode of SHARING_MODES.filter((m) => m !== 'hard')) {
    await sharing.selectOption(mode);
    await expect(app.readout('error')).toHaveCount(0);
    const sign = SIGNS[mode];
    if (sign) await expect(page.getByTestId(sign.where).getByText(sign.text)).toBeVisible();
    if (mode === 'crossStitch')
      await expect(
        page
          .getByRole('group', { name: 'Shared encoder' })
          .getByText(/^Cross-stitch after layer \d · 2×2/),
      ).toHaveCount(2);
    // One step per strategy, switched mid-run as a person would.
    for (const strategy of PATHS) {
      await page.getByRole('combobox', { name: 'Weighting strategy' }).selectOption(strategy);
      await app.stepOnce();
      for (const task of ['gauss', 'plane'])
        expect(Number.isFinite(await app.number(`loss-${task}`)), `${mode} ${strategy}`).toBe(true);
    }
    await app.button('Reset').click();
    await expect(app.readout('step')).toHaveText('0');
  }
  expect(app.consoleErrors).toEqual([]);
});
