/**
 * Read-only roles see no write buttons (issue 13, item 15): the instructor and the auditor open a household and
 * a member of their scope and find no 编辑 / 录入收入 / 新增成员 / 变更状态; the village secretary, who may write
 * there, finds them (so the test would notice buttons that never show). The same on a Party group page (set an
 * instructor, edit the activity centre, assign a leader).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseUrl, launchBrowser, openPage, screenshot } from './support/browser.ts';

const WRITE_BUTTONS = [/编\s*辑/, /录入收入|新增年度收入|添加收入/, /变更状态/];
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The first household and member the signed-in user can see. */
async function firstRecords(page: Page): Promise<{ household: number; member: number }> {
  return page.evaluate(async () => {
    const get = async (path: string) => (await (await fetch(`/api/counties/340822${path}`)).json()).items[0].id;
    return { household: await get('/households?pageSize=1'), member: await get('/members?pageSize=1') };
  });
}

async function writeButtons(page: Page): Promise<number> {
  let count = 0;
  for (const name of WRITE_BUTTONS) count += await page.getByRole('button', { name }).count();
  return count;
}

test.each([
  ['instructor', false],
  ['auditor', false],
  ['village_secretary', true],
])('demo_%s sees write buttons on a household and a member page: %s', async (role, writes) => {
  const { page, errors } = await openPage(browser, undefined, { username: `demo_${role}` });
  await page.goto(`${baseUrl()}/`);
  const { household, member } = await firstRecords(page);
  await page.goto(`${baseUrl()}/households/${household}`);
  await page.locator('h2.household-head').waitFor();
  await page.locator('.person-name').first().waitFor();
  await page.waitForLoadState('networkidle');
  if (writes) expect(await writeButtons(page), role).toBeGreaterThanOrEqual(3);
  else expect(await writeButtons(page), role).toBe(0);
  await screenshot(page, `record-actions-household-${role}`);
  await page.goto(`${baseUrl()}/members/${member}`);
  await page.locator('.member-card').waitFor();
  await page.waitForLoadState('networkidle');
  const edits = await page.getByRole('button', { name: /编\s*辑/ }).count();
  if (writes) expect(edits, role).toBeGreaterThanOrEqual(1);
  else expect(edits, role).toBe(0);
  expect(errors).toEqual([]);
});

/** The write buttons of a Party group page: set/replace an instructor, edit the activity centre, assign a leader. */
async function groupWriteButtons(page: Page): Promise<number> {
  await page.getByRole('button', { name: /推荐人选/ }).click();
  await page.locator('.ant-list-item').first().waitFor();
  const instructors = await page.locator('button[data-testid^="instructor-"]').count();
  const edits = await page.getByRole('button', { name: /编\s*辑/ }).count();
  const assigns = await page.getByRole('button', { name: /任\s*命/ }).count();
  return instructors + edits + assigns;
}

test.each([
  ['instructor', false],
  ['auditor', false],
  ['village_secretary', true],
])('demo_%s sees write buttons on a Party group page: %s', async (role, writes) => {
  const { page, errors } = await openPage(browser, undefined, { username: `demo_${role}` });
  await page.goto(`${baseUrl()}/`);
  const group = await page.evaluate(
    async () => (await (await fetch('/api/counties/340822/party-groups?pageSize=1')).json()).items[0].id,
  );
  await page.goto(`${baseUrl()}/party-groups/${group}`);
  await page.locator('.page-title h2').waitFor();
  await page.waitForLoadState('networkidle');
  const count = await groupWriteButtons(page);
  // The secretary: two instructor buttons, the centre's edit and at least one candidate to assign.
  if (writes) expect(count, role).toBeGreaterThanOrEqual(3);
  else expect(count, role).toBe(0);
  await screenshot(page, `record-actions-party-group-${role}`);
  expect(errors).toEqual([]);
});
