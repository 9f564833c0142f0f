/**
 * Journeys: every demo account does its role's main journey on the shipped demo, with the demo clock on (business
 * date 2020-12-31), on a 360-px phone where the role works on a phone. The journeys run in order and hand on what
 * they made: the member records a help visit for a household they help (the form's date defaults to the business
 * date, the toast says the server has it), the group leader verifies it, the village secretary raises a problem on
 * that household and sends it up, the township admin resolves it from the inbox, the county admin drills down the
 * dashboard and opens the users page, the instructor reads the household list and a record,
 * and the auditor reads the audit trail, which holds the member's record.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  apiGet,
  baseUrl,
  businessToday,
  COUNTY,
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  pickOption,
  screenshot,
} from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What one journey hands to the next. */
const made = { householdId: 0, recordId: 0, problemId: 0 };

const meOf = async (page: Page) => (await page.request.get(`${baseUrl()}/api/auth/me`)).json();
const selectOf = (page: Page, id: string) =>
  page.locator(id).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]');

/** Opens problem `id` and takes `action`, typing `text` into its field when it needs one. */
async function problemStep(page: Page, id: number, action: string, text?: string): Promise<void> {
  await page.getByTestId(`problem-action-${action}`).click();
  if (text !== undefined) await page.getByTestId(`problem-${action}-input`).fill(text);
  await page.getByTestId(`problem-${action}-ok`).click();
  await page.getByTestId(`problem-${action}-ok`).waitFor({ state: 'detached' });
  expect(id).toBeGreaterThan(0);
}

test('member (phone): records a help visit for a household they help, dated by the business clock', async () => {
  const { page, errors } = await openPage(browser, PHONE, { username: 'demo_member' });
  const me = await meOf(page);
  expect(me).toMatchObject({ demoClock: true, today: await businessToday() });
  const memberId: number = me.grants[0].memberId;
  expect(memberId).toEqual(expect.any(Number));
  // A household the demo group leader verifies: one in the leader's natural village.
  const leader = await openPage(browser, PHONE, { username: 'demo_group_leader' });
  const leaderVillage: string = (await meOf(leader.page)).grants[0].orgCode;
  await leader.page.context().close();
  const paired = await apiGet<{ households: { householdId: number; headName: string }[] }>(
    `/commitments/members/${memberId}/households`,
  );
  expect(paired.households.length, 'the demo member helps households now').toBeGreaterThan(0);
  const villages = await Promise.all(
    paired.households.map((h) => apiGet<{ naturalVillageCode: string }>(`/households/${h.householdId}`)),
  );
  const household = paired.households[villages.findIndex((v) => v.naturalVillageCode === leaderVillage)];
  expect(household, "one of the member's households lies in the group leader's natural village").toBeDefined();
  if (!household) return;
  made.householdId = household.householdId;

  await page.goto(`${baseUrl()}/help/new`);
  await page.locator('.help-queue-count', { hasText: '全部已发送' }).waitFor();
  expect(await page.locator('#visitedOn').inputValue()).toBe(await businessToday());
  await pickOption(page, selectOf(page, '#householdId'), household.headName);
  await pickOption(page, selectOf(page, '#measure'), '就业帮扶');
  const content = `演示党员走访 ${randomUUID().slice(0, 8)}：介绍到县城务工`;
  await page.locator('#content').fill(content);
  await page
    .getByRole('button', { name: '保 存' })
    .or(page.getByRole('button', { name: '保存' }))
    .click();
  await page.locator('.ant-message', { hasText: '已保存到服务器' }).waitFor();
  await page.locator('.help-queue-count', { hasText: '全部已发送' }).waitFor();
  await screenshot(page, 'role-member-recorded');
  const stored = await apiGet<{ items: { id: number; visitedOn: string; memberId: number }[]; total: number }>(
    `/help-records?householdId=${household.householdId}&q=${encodeURIComponent(content.slice(0, 12))}`,
  );
  expect(stored.total).toBe(1);
  expect(stored.items[0]).toMatchObject({ visitedOn: await businessToday(), memberId });
  made.recordId = stored.items[0]?.id ?? 0;
  expect(errors).toEqual([]);
});

test("group leader (phone): verifies the member's record", async () => {
  expect(made.recordId).toBeGreaterThan(0);
  const { page, errors } = await openPage(browser, PHONE, { username: 'demo_group_leader' });
  await page.goto(`${baseUrl()}/help/verify`);
  await page.getByTestId(`help-verify-${made.recordId}`).click();
  await page.getByTestId(`help-verify-${made.recordId}`).waitFor({ state: 'detached' });
  const verified = await apiGet<{ status: string }>(`/help-records/${made.recordId}`);
  expect(verified.status).toBe('verified');
  await screenshot(page, 'role-group-leader-verified');
  expect(errors).toEqual([]);
});

test('village secretary (phone): raises a problem on the household and sends it to the township', async () => {
  expect(made.householdId).toBeGreaterThan(0);
  const { page, errors } = await openPage(browser, PHONE, { username: 'demo_village_secretary' });
  await page.goto(`${baseUrl()}/households/${made.householdId}`);
  await page.getByTestId('problem-raise-open').click();
  await pickOption(page, page.getByTestId('problem-raise-category'), '住房');
  await page.getByTestId('problem-raise-description').fill('屋顶漏雨，需要维修');
  await page.getByTestId('problem-raise-ok').click();
  await page.getByTestId('problem-raise-ok').waitFor({ state: 'detached' });
  const listed = await apiGet<{ items: Array<{ id: number }> }>(
    `/problems?householdId=${made.householdId}&sort=-createdAt`,
  );
  made.problemId = listed.items[0]?.id ?? 0;
  // Raised at the grid's level: the secretary takes it to the village, then sends it on to the township.
  await page.goto(`${baseUrl()}/problems/${made.problemId}`);
  await problemStep(page, made.problemId, 'escalate', '网格无力解决维修资金');
  await expect.poll(() => page.getByTestId('problem-level').textContent()).toBe('村级');
  await page.goto(`${baseUrl()}/problems/${made.problemId}`);
  await problemStep(page, made.problemId, 'escalate', '需乡镇统筹危房改造资金');
  await expect.poll(() => page.getByTestId('problem-level').textContent()).toBe('乡镇');
  await screenshot(page, 'role-village-secretary-problem');
  expect(errors).toEqual([]);
});

test('township admin: finds the problem in the inbox and resolves it', async () => {
  expect(made.problemId).toBeGreaterThan(0);
  const { page, errors } = await openPage(browser, DESKTOP, { username: 'demo_township_admin' });
  await page.goto(`${baseUrl()}/problems`);
  await page.getByTestId('problem-table').getByText(`#${made.problemId}`).click();
  await page.waitForURL(`**/problems/${made.problemId}**`);
  await problemStep(page, made.problemId, 'resolve', '乡镇纳入危房改造，补助 1 万元');
  await expect.poll(() => page.getByTestId('problem-status').first().textContent()).toBe('待确认');
  expect(errors).toEqual([]);
});

test('county admin: drills down the dashboard and opens the users page', async () => {
  const { page, errors } = await openPage(browser, DESKTOP, { username: 'demo_county_admin' });
  await page.goto(`${baseUrl()}/`);
  await page.locator(`[data-testid="dashboard-ready"][data-scope="${COUNTY}"]`).waitFor({ state: 'attached' });
  const child = page.locator('[data-testid^="child-"]').first();
  const code = ((await child.getAttribute('data-testid')) ?? '').replace('child-', '');
  await child.click();
  await page.waitForURL((url) => url.searchParams.get('scope') === code);
  await page.locator(`[data-testid="dashboard-ready"][data-scope="${code}"]`).waitFor({ state: 'attached' });
  await page.goto(`${baseUrl()}/admin/users`);
  await page.getByText('demo_member').first().waitFor();
  expect(errors).toEqual([]);
});

test('instructor (phone): reads the household list and opens a household record', async () => {
  const { page, errors } = await openPage(browser, PHONE, { username: 'demo_instructor' });
  await page.goto(`${baseUrl()}/households`);
  const link = page.locator('a[href^="/households/"]');
  await link.first().waitFor();
  await link.first().click();
  await page.locator('h2.household-head').waitFor();
  expect(errors).toEqual([]);
});

test('auditor: reads the audit trail, which holds the help record', async () => {
  const { page, errors } = await openPage(browser, DESKTOP, { username: 'demo_auditor' });
  await page.goto(`${baseUrl()}/audit`);
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
