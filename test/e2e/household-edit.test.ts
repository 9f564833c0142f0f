/**
 * Journey: on a household's record, enter an income year and see the per-capita net income and the comparison
 * with the poverty line follow; then close one of its needs. Each answer is the API's own.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, businessToday, launchBrowser, openPage, pickOption, screenshot } from './support/browser.ts';

interface Household {
  id: number;
  size: number;
  status: string;
  persons: { id: number; name: string; relation: string }[];
  statusHistory: { status: string; reason: string }[];
  income: { year: number; perCapitaNet: number; povertyLine: number; aboveLine: boolean }[];
  needs: { id: number; need: string; status: string; closedOn: string | null }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A household in poverty that `fits`, among the first 50 of the list. */
async function findHousehold(fits: (record: Household) => boolean): Promise<Household> {
  const list = await apiGet<{ items: { id: number }[] }>('/households?status=identified&pageSize=50');
  for (const { id } of list.items) {
    const record = await apiGet<Household>(`/households/${id}`);
    if (fits(record)) return record;
  }
  throw new Error('no fitting household in the test county');
}

/** Clicks the open dialog's OK button and waits for the dialog to close (the save succeeded). */
async function saveDialog(page: Page, testId: string): Promise<void> {
  await page.getByTestId(`${testId}-ok`).click();
  await page.getByTestId(testId).waitFor({ state: 'detached' });
}

test('enter an income year and close a need on a household record', async () => {
  const household = await findHousehold((r) => r.income.length > 0 && r.needs.some((n) => n.status === 'open'));
  const latest = Math.max(...household.income.map((i) => i.year));
  const year = Math.min(latest + 1, Number((await businessToday()).slice(0, 4)) - 1);
  const perPerson = 30_000; // well above any year's line, within the (0, 100,000] the rules allow

  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/households/${household.id}`);
  await page.locator('h2.household-head').waitFor();

  await page.getByRole('button', { name: '录入收入' }).click();
  const dialog = page.getByTestId('income-dialog');
  await dialog.waitFor();
  await dialog.getByLabel('年度').fill(String(year));
  await dialog.getByLabel('工资性收入').fill(String(perPerson * household.size));
  await saveDialog(page, 'income-dialog');

  const saved = await apiGet<Household>(`/households/${household.id}`);
  const row = saved.income.find((i) => i.year === year)!;
  expect(row.perCapitaNet).toBeCloseTo(perPerson, 0);
  expect(row.aboveLine).toBe(true);
  const net = page.getByTestId(`income-net-${year}`);
  await net.waitFor();
  expect(Number((await net.textContent())?.replace(/,/g, ''))).toBeCloseTo(row.perCapitaNet, 2);
  expect(await page.getByTestId(`income-line-${year}`).textContent()).toBe('高于贫困线');
  await screenshot(page, 'household-income-entered');

  const need = household.needs.find((n) => n.status === 'open')!;
  await page.getByTestId(`need-${need.id}`).getByRole('button', { name: '修改需求' }).click();
  const needDialog = page.getByTestId('need-dialog');
  await needDialog.waitFor();
  await needDialog.getByLabel('说明').fill('已安排就业岗位');
  await pickOption(page, needDialog.locator('.ant-select'), '已解决');
  await saveDialog(page, 'need-dialog');

  await page.getByTestId(`need-${need.id}`).getByText('已解决').waitFor();
  const after = await apiGet<Household>(`/households/${household.id}`);
  const changed = after.needs.find((n) => n.id === need.id)!;
  expect(changed.status).toBe('met');
  expect(changed.closedOn).not.toBeNull();
  await screenshot(page, 'household-need-changed');
  expect(errors).toEqual([]);
});

test('a refused status change shows the server message; an allowed one and a removal update the record', async () => {
  // Below the line in its latest year, with someone besides the head (the journey above lifted its household
  // above the line, so this is another one).
  const household = await findHousehold((r) => {
    const latest = r.income.at(-1);
    return latest !== undefined && !latest.aboveLine && r.persons.some((p) => p.relation !== 'head');
  });
  const other = household.persons.find((p) => p.relation !== 'head')!;
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/households/${household.id}`);
  await page.locator('h2.household-head').waitFor();

  await page.getByRole('button', { name: '变更状态' }).click();
  const dialog = page.getByTestId('status-dialog');
  await dialog.waitFor();
  // From 贫困户 (identified) the poverty history moves only by the exit workflow, which the dialog points to;
  // monitoring is no status any more but a case of its own (issue 16).
  expect(await page.locator('.ant-modal').textContent()).toContain('脱贫退出');
  await screenshot(page, 'household-status-exit-only');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  const monitoring = page.getByTestId('monitoring-cases');
  await monitoring.getByRole('button', { name: '纳入监测' }).click();
  const open = page.locator('.ant-modal', { hasText: '监测类别' });
  await open.waitFor();
  await pickOption(
    page,
    open.locator('.ant-form-item', { hasText: '监测类别' }).locator('.ant-select'),
    '突发严重困难户',
  );
  for (const [field, option] of [
    ['风险类型', '因病'],
    ['发现渠道', '干部走访排查'],
  ] as const) {
    await open.locator('.ant-form-item', { hasText: field }).locator('.ant-select').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
      .first()
      .click();
    await open.locator('.ant-modal-title').click(); // closes the multiple choice's list, not the dialog
  }
  await open.getByLabel('纳入原因').fill('大额医疗支出');
  await screenshot(page, 'household-monitoring-filled');
  await page.getByTestId('open-case-ok').click();
  await monitoring.locator('.ant-tag', { hasText: '监测中' }).waitFor();
  await screenshot(page, 'household-monitoring-case');
  const changed = await apiGet<Household & { monitoringCases: { status: string; category: string }[] }>(
    `/households/${household.id}`,
  );
  expect(changed.status).toBe('identified');
  expect(changed.monitoringCases.map((c) => [c.category, c.status])).toEqual([['sudden_hardship', 'open']]);

  await page.getByRole('button', { name: `移除 ${other.name}` }).click();
  const removal = page.getByTestId('remove-person-dialog');
  await removal.waitFor();
  await pickOption(page, removal.locator('.ant-select'), '迁出');
  await saveDialog(page, 'remove-person-dialog');
  await page.locator('.household-persons-count', { hasText: String(household.persons.length - 1) }).waitFor();
  const after = await apiGet<Household>(`/households/${household.id}`);
  expect(after.persons.map((p) => p.id)).not.toContain(other.id);
  expect(errors).toEqual([]);
});
