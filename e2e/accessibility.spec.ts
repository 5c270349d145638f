import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PRESETS } from '../src/design/presets';
import { Playground } from './playground';

const PENGUINS = 'src/data/csv/fixtures/penguins.csv';

/** WCAG 2 A/AA violations of the page as it is now that are serious or critical, one line each. */
async function seriousViolations(page: Page, state: string): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `${state}: ${v.id} at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    );
}

test('axe finds no serious or critical WCAG 2 A/AA violation in any main state', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const app = new Playground(page);
  const found: string[] = [];
  const check = async (state: string) => found.push(...(await seriousViolations(page, state)));

  await app.open('auto');
  await check('first load');

  // Training, then paused with curves, maps and readouts.
  await page.getByRole('spinbutton', { name: 'Steps' }).fill('60');
  await app.button('Train').click();
  await app.waitForStep(5);
  await check('training');
  await expect(app.readout('step')).toHaveText('60', { timeout: 120_000 });
  await expect(app.button('Train')).toBeEnabled();
  await check('trained');

  // A second run, then both saved runs compared.
  await page.waitForTimeout(2500); // the record is written two seconds after the last change
  await app.button('Reset').click();
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.05');
  await app.button('Train').click();
  await expect(app.readout('step')).toHaveText('60', { timeout: 120_000 });
  await expect(app.button('Train')).toBeEnabled();
  await page.waitForTimeout(2500);
  const boxes = page.getByRole('region', { name: 'Saved runs' }).getByRole('checkbox', {
    name: /^Compare /,
  });
  await expect(boxes).toHaveCount(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(page.getByRole('region', { name: 'Compare runs' })).toBeVisible();
  await check('saved runs and compare');

  // The optimization landscape.
  await page.getByRole('button', { name: 'Run trajectories' }).click();
  await expect(page.getByTestId('landscape-progress')).toHaveText('12 of 12 finished', {
    timeout: 60_000,
  });
  await check('landscape');

  // Every preset, as its design and data preview show.
  for (const preset of PRESETS) {
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('combobox', { name: 'Preset' }).selectOption(preset.id);
    await expect(app.readout('error')).toHaveCount(0);
    await check(`preset ${preset.id}`);
  }

  // The data panel with a CSV: columns, roles, preview.
  await page.getByLabel('Upload CSV').setInputFiles(PENGUINS);
  await expect(page.getByTestId('preview-csv')).toContainText('Chinstrap', { timeout: 60_000 });
  await check('data panel with a CSV');

  console.log(found.join('\n'));
  expect(found).toEqual([]);
});

test('every control is reached by Tab and shows a visible focus ring', async ({ page }) => {
  const app = new Playground(page);
  await app.open('auto');
  const seen = new Set<string>();
  const unringed: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none';
      const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? '';
      return { id: `${el.tagName.toLowerCase()} ${name}`, ring };
    });
    if (!focused) continue;
    seen.add(focused.id);
    if (!focused.ring) unringed.push(focused.id);
  }
  // The main controls come up in the tab order.
  for (const name of ['button Train', 'select Backend', 'select Preset']) {
    expect(
      [...seen].some((s) => s.startsWith(name)),
      name,
    ).toBe(true);
  }
  expect(unringed).toEqual([]);
});
