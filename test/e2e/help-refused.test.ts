/**
 * Journey: the server refuses a help record (a visit dated after the business date, 2020-12-31 on the demo). The
 * toast says so with the server's reason — never "saved" — and the record stays in the phone's queue with that
 * reason; 修改 brings it back into the form, where the date is fixed and saving stores it once; another refused
 * record is discarded with 放弃 and leaves the phone.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays } from '../../src/domain/exit-workflow.ts';
import {
  apiGet,
  baseUrl,
  businessToday,
  launchBrowser,
  openPage,
  PHONE,
  pickOption,
  queuedHelpRecords,
  screenshot,
} from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const selectOf = (page: Page, id: string) =>
  page.locator(id).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');
const saveButton = (page: Page) =>
  page.getByRole('button', { name: '保 存' }).or(page.getByRole('button', { name: '保存' }));

/** Fills the form for `headName`, dated `on`, and saves. */
async function record(page: Page, headName: string, on: string, content: string): Promise<void> {
  await pickOption(page, selectOf(page, '#householdId'), headName);
  await pickOption(page, selectOf(page, '#measure'), '就业帮扶');
  // The form itself stops a date after its max (native validation): lift it, as a form opened under a wrong clock
  // would have had, so the server is the one that refuses.
  await page.locator('#visitedOn').evaluate((input) => input.removeAttribute('max'));
  await page.locator('#visitedOn').fill(on);
  await page.locator('#content').fill(content);
  await saveButton(page).click();
}

test('a refused record stays in the queue with the server’s reason, and can be fixed or discarded', async () => {
  const { page, errors } = await openPage(browser, PHONE, { username: 'demo_member' });
  const me = await (await page.request.get(`${baseUrl()}/api/auth/me`)).json();
  const paired = await apiGet<{ households: { householdId: number; headName: string }[] }>(
    `/commitments/members/${me.grants[0].memberId}/households`,
  );
  const household = paired.households[0];
  expect(household).toBeDefined();
  if (!household) return;
  const today = await businessToday();
  const future = addDays(today, 3);

  await page.goto(`${baseUrl()}/help/new`);
  await page.locator('.help-queue-count', { hasText: '全部已发送' }).waitFor();
  const content = `被拒后修改 ${randomUUID().slice(0, 8)}`;
  await record(page, household.headName, future, content);
  await page.locator('.ant-message', { hasText: '服务器拒收' }).waitFor();
  expect(await page.locator('.ant-message').textContent()).not.toContain('已保存到服务器');
  const item = page.locator('.help-queue-item');
  await item.locator('.help-queue-refused').waitFor();
  expect(await item.textContent()).toMatch(/服务器拒收: .*走访日期|服务器拒收: .*日期/);
  expect(await queuedHelpRecords(page)).toBe(1);
  await screenshot(page, 'help-refused-kept');

  // 修改: back into the form, the date fixed, saved again: stored once, the queue empty.
  await item.getByRole('button', { name: /修\s*改/ }).click();
  expect(await page.locator('#content').inputValue()).toBe(content);
  await page.locator('#visitedOn').fill(today);
  await saveButton(page).click();
  await page.locator('.ant-message', { hasText: '已保存到服务器' }).waitFor();
  await page.locator('.help-queue-count', { hasText: '全部已发送' }).waitFor();
  const stored = await apiGet<{ items: { visitedOn: string }[]; total: number }>(
    `/help-records?householdId=${household.householdId}&q=${encodeURIComponent(content)}`,
  );
  expect(stored.total).toBe(1);
  expect(stored.items[0]?.visitedOn).toBe(today);

  // 放弃: another refused record leaves the phone, never sent.
  const dropped = `被拒后放弃 ${randomUUID().slice(0, 8)}`;
  await record(page, household.headName, future, dropped);
  await item.locator('.help-queue-refused').waitFor();
  await item.getByRole('button', { name: /放\s*弃/ }).click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await page.locator('.help-queue-count', { hasText: '全部已发送' }).waitFor();
  expect(await queuedHelpRecords(page)).toBe(0);
  const none = await apiGet<{ total: number }>(
    `/help-records?householdId=${household.householdId}&q=${encodeURIComponent(dropped)}`,
  );
  expect(none.total).toBe(0);
  expect(errors).toEqual([]);
});
