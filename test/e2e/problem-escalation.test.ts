/**
 * Journey: the demo group leader raises a problem from a household's page in their natural village; it is carried
 * up in the UI by the group leader, the village secretary and the township admin to the county, where the county
 * admin resolves it; the group leader (the household's verifier) confirms it. The API then holds the whole trail.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, DESKTOP, launchBrowser, openPage, pickOption, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page signed in as demo user `username`. */
const pageAs = (username: string) => openPage(browser, DESKTOP, { username });

/** Opens problem `id` and takes `action`, typing `text` into its field when it needs one. */
async function step(page: Page, id: number, action: string, text?: string): Promise<void> {
  await page.goto(`${baseUrl()}/problems/${id}`);
  await page.getByTestId(`problem-action-${action}`).click();
  if (text !== undefined) await page.getByTestId(`problem-${action}-input`).fill(text);
  await page.getByTestId(`problem-${action}-ok`).click();
  await page.getByTestId(`problem-${action}-ok`).waitFor({ state: 'detached' });
}

const levelText = (page: Page) => page.getByTestId('problem-level').textContent();

test('raise a problem on a household and carry it from the grid to the county, resolve and confirm', async () => {
  const leader = await pageAs('demo_group_leader');
  const me = await (await leader.page.request.get(`${baseUrl()}/api/auth/me`)).json();
  const nv: string = me.grants[0].orgCode;
  const households = await apiGet<{ items: Array<{ id: number }> }>(`/households?within=${nv}&pageSize=1`);
  const householdId = households.items[0]!.id;

  await leader.page.goto(`${baseUrl()}/households/${householdId}`);
  await leader.page.getByTestId('problem-raise-open').click();
  await pickOption(leader.page, leader.page.getByTestId('problem-raise-category'), '住房');
  await leader.page.getByTestId('problem-raise-description').fill('房屋漏雨，需要维修资金');
  await leader.page.getByTestId('problem-raise-ok').click();
  await leader.page.getByTestId('problem-raise-ok').waitFor({ state: 'detached' });
  // Newest first: the demo county's household may have problems of its seeded year (2020) too.
  const listed = await apiGet<{ items: Array<{ id: number; level: string }> }>(
    `/problems?householdId=${householdId}&sort=-createdAt`,
  );
  const id = listed.items[0]!.id;
  expect(listed.items[0]!.level).toBe('grid');

  await step(leader.page, id, 'accept');
  await step(leader.page, id, 'escalate', '维修资金超出网格能力');
  await expect.poll(() => levelText(leader.page)).toBe('村级');

  const secretary = await pageAs('demo_village_secretary');
  await step(secretary.page, id, 'escalate', '需乡镇统筹危房改造资金');
  await expect.poll(() => levelText(secretary.page)).toBe('乡镇');

  const township = await pageAs('demo_township_admin');
  await step(township.page, id, 'escalate', '需县住建局审批');
  await expect.poll(() => levelText(township.page)).toBe('县级');

  const county = await pageAs('demo_county_admin');
  // The natural village's inbox: the county's holds the seeded year's open problems, due earlier, on its first pages.
  await county.page.goto(`${baseUrl()}/problems?scope=${nv}`);
  await county.page.getByTestId('problem-table').getByText(`#${id}`).waitFor();
  await step(county.page, id, 'resolve', '县住建局纳入危房改造，补助 1.5 万元');
  await expect.poll(() => county.page.getByTestId('problem-status').first().textContent()).toBe('待确认');

  await step(leader.page, id, 'confirm');
  await expect.poll(() => leader.page.getByTestId('problem-status').first().textContent()).toBe('已办结');
  expect(await leader.page.getByTestId('problem-trail').textContent()).toContain('维修资金超出网格能力');
  await screenshot(leader.page, 'problem-closed');

  const done = await apiGet<{ status: string; level: string; events: Array<{ action: string }> }>(`/problems/${id}`);
  expect(done).toMatchObject({ status: 'closed', level: 'county' });
  expect(done.events.map((e) => e.action)).toEqual([
    'raise',
    'accept',
    'escalate',
    'escalate',
    'escalate',
    'resolve',
    'confirm',
  ]);
  for (const p of [leader, secretary, township, county]) expect(p.errors).toEqual([]);
});
