/**
 * Journey: the demo county admin opens 系统设置 from the menu, is refused an out-of-range threshold (the server's
 * message under the field), lowers 收入预警倍数 and sees the early-warning page flag fewer households; edits a
 * deadline cell (a broken order is shown under the cell), saves one, resets it; then resets the thresholds. Leaves the county as it found it. Screenshots go to test-results/e2e/.
 */
import type { Browser } from 'playwright-core';
import type { Static } from 'typebox';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DeadlineSettings, WarningSettings } from '../../src/shared/schemas/settings.ts';
import type { WarningPage } from '../../src/shared/schemas/warnings.ts';
import { apiGet, baseUrl, COUNTY, launchBrowser, loginCookies, openPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Warnings = Static<typeof WarningPage>;

/** Back to the default thresholds whatever a journey left (the warnings journey expects them). */
async function resetThresholds(): Promise<void> {
  const cookies = await loginCookies();
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const csrf = decodeURIComponent(cookies.lianxin_csrf ?? '');
  await fetch(`${baseUrl()}/api/counties/${COUNTY}/settings/warnings`, {
    method: 'DELETE',
    headers: { cookie, 'x-csrf-token': csrf },
  });
}
afterAll(resetThresholds);

test('a county admin lowers the income multiple and the warnings page follows it', async () => {
  const before = await apiGet<Warnings>('/warnings?kind=low_income');
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/`);
  await page.getByRole('menuitem', { name: /系统设置/ }).click();
  await page.waitForURL((url) => url.pathname === '/settings');
  const multiple = page.getByTestId('settings-incomeMultiple');
  await multiple.waitFor();
  expect(await multiple.inputValue()).toBe('1.50');

  await page.getByTestId('settings-noHelpDays').fill('3');
  await page.getByTestId('warning-settings-save').click();
  await page.getByText('未帮扶预警天数须为 7–365 之间的整数天').waitFor();
  await screenshot(page, 'settings-warnings-refused');
  expect((await apiGet<Static<typeof WarningSettings>>('/settings/warnings')).isDefault).toBe(true);

  await page.getByTestId('settings-noHelpDays').fill('60');
  await multiple.fill('1.00');
  await page.getByTestId('warning-settings-save').click();
  await page.getByTestId('warning-settings-saved').waitFor();
  await screenshot(page, 'settings-warnings-saved');
  const after = await apiGet<Warnings>('/warnings?kind=low_income');
  // Households between 1.0× and 1.5× the line are no longer flagged; the reasons name the new multiple.
  expect(after.byKind.low_income ?? 0).toBeLessThan(before.byKind.low_income ?? 0);
  for (const item of after.items) {
    const reason = item.warnings.find((w) => w.kind === 'low_income')?.reason ?? '';
    expect(reason).toMatch(/的 1 倍/);
  }

  await page.getByRole('menuitem', { name: /返贫预警/ }).click();
  await page
    .locator('.ant-segmented-item-label', { hasText: new RegExp(`^收入临界 ${after.byKind.low_income ?? 0}$`) })
    .waitFor();
  await screenshot(page, 'settings-warnings-effect');
  expect(errors).toEqual([]);
});

test('a county admin edits, is refused, saves and resets a deadline cell, then resets the thresholds', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/settings`);
  const village = page.getByTestId('deadline-industry-normal-village');
  await village.waitFor();
  await village.fill('10');
  await page.getByTestId('deadline-settings-save').click();
  await page.getByText('村级时限 10 小时短于网格 72 小时：上级的时限不得短于下级').waitFor();

  await village.fill('96');
  await page.getByTestId('deadline-settings-save').click();
  await page.getByTestId('deadline-settings-saved').waitFor();
  await screenshot(page, 'settings-deadlines-saved');
  type Row = Static<typeof DeadlineSettings>['rows'][number];
  const industry = async () =>
    (await apiGet<Static<typeof DeadlineSettings>>('/settings/problem-deadlines')).rows.find(
      (r) => r.category === 'industry' && r.urgency === 'normal',
    ) as Row;
  expect((await industry()).cells.village).toEqual({ hours: 96, defaultHours: 120, own: true });

  await page.getByTestId('deadline-industry-normal-village-reset').click();
  await page.getByTestId('deadline-settings-save').click();
  await page.getByTestId('deadline-settings-saved').waitFor();
  expect((await industry()).cells.village).toEqual({ hours: 120, defaultHours: 120, own: false });

  await page.getByRole('button', { name: '恢复默认值' }).click();
  await page.getByText('预警阈值已恢复默认值').waitFor();
  expect(await page.getByTestId('settings-noHelpDays').inputValue()).toBe('60');
  expect((await apiGet<Static<typeof WarningSettings>>('/settings/warnings')).isDefault).toBe(true);

  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('heading', { name: 'Settings' }).waitFor();
  await page.getByText('Problem deadlines', { exact: true }).waitFor();
  await page.getByLabel('Industry Normal Village').waitFor();
  await screenshot(page, 'settings-english');
  await page.getByText('中文', { exact: true }).click();
  expect(errors).toEqual([]);
});
