/**
 * Journey: the demo group leader — whose grant names the member leading the grid of their natural village — opens
 * 核实帮扶纪实, finds a record of their grid that a helper just submitted, and verifies it in the UI; the demo
 * instructor (views only) sees no verify menu entry, nothing to verify, and on a grid-level problem no action
 * buttons but the line saying why.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  apiGet,
  apiPost,
  baseUrl,
  businessToday,
  DESKTOP,
  launchBrowser,
  loginCookies,
  openPage,
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

/** A page signed in as demo user `username`. */
const pageAs = (username: string) => openPage(browser, DESKTOP, { username });

/** As the leader's page: the ids of the records they may verify now. */
async function toVerify(page: Page): Promise<number[]> {
  const res = await page.request.get(`${baseUrl()}/api/counties/340822/help-records?toVerify=true&pageSize=100`);
  return ((await res.json()).items as Array<{ id: number }>).map((r) => r.id);
}

/** A record submitted (by the county admin, naming the helper) for a helped household of the leader's grid. */
async function submitInLeadersGrid(leader: Page, nv: string): Promise<{ id: number; householdId: number }> {
  const pairings = await apiGet<{ items: Array<{ household: { id: number }; member: { id: number } }> }>(
    `/pairings?within=${nv}&status=current&pageSize=20`,
  );
  for (const p of pairings.items) {
    const res = await apiPost('/help-records', {
      clientId: crypto.randomUUID(),
      householdId: p.household.id,
      memberId: p.member.id,
      visitedOn: await businessToday(),
      measure: 'industry',
      content: '帮助联系收购商，销售茶叶 20 斤',
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as { id: number }).id;
    // A natural village split into pieces may put this household in another leader's grid: try the next one.
    if ((await toVerify(leader)).includes(id)) return { id, householdId: p.household.id };
  }
  throw new Error(`no helped household of the leader's grid in ${nv}`);
}

test('the group leader verifies a record of their grid; a viewer sees no actions and is told why', async () => {
  const leader = await pageAs('demo_group_leader');
  const me = await (await leader.page.request.get(`${baseUrl()}/api/auth/me`)).json();
  expect(me.grants[0]).toMatchObject({ role: 'group_leader', memberId: expect.any(Number) });
  const nv: string = me.grants[0].orgCode;
  const record = await submitInLeadersGrid(leader.page, nv);

  await leader.page.goto(`${baseUrl()}/help/verify?scope=${nv}`);
  await leader.page.getByTestId(`help-verify-${record.id}`).click();
  await leader.page.getByTestId(`help-verify-${record.id}`).waitFor({ state: 'detached' });
  const verified = await apiGet<{ status: string; verifiedBy: number | null }>(`/help-records/${record.id}`);
  expect(verified).toMatchObject({ status: 'verified', verifiedBy: me.id });
  await screenshot(leader.page, 'help-verified-by-leader');

  const raised = await apiPost('/problems', {
    householdId: record.householdId,
    category: 'housing',
    description: '屋顶漏雨',
  });
  expect(raised.status).toBe(201);
  const problemId = ((await raised.json()) as { id: number }).id;
  await leader.page.goto(`${baseUrl()}/problems/${problemId}`);
  await leader.page.getByTestId('problem-action-accept').waitFor();

  const viewer = await pageAs('demo_instructor');
  await viewer.page.goto(`${baseUrl()}/problems/${problemId}`);
  const why = viewer.page.getByTestId('problem-no-actions');
  await why.waitFor();
  expect(await why.textContent()).toBe('该问题当前在网格办理，您无权操作');
  expect(await viewer.page.locator('[data-testid^="problem-action-"]').count()).toBe(0);
  expect(await viewer.page.getByRole('menuitem', { name: '核实帮扶纪实' }).count()).toBe(0);
  await viewer.page.goto(`${baseUrl()}/help/verify?scope=${nv}`);
  await viewer.page.getByText('没有待核实的帮扶纪实').waitFor();
  expect(await viewer.page.locator('[data-testid^="help-verify-"]').count()).toBe(0);
  await screenshot(viewer.page, 'problem-no-actions');
  for (const p of [leader, viewer]) expect(p.errors).toEqual([]);
});

test("the users page names a group leader's member and asks for one when the role needs it", async () => {
  const leaderMe = await (
    await fetch(`${baseUrl()}/api/auth/me`, { headers: { cookie: await cookieOf('demo_group_leader') } })
  ).json();
  const member = await apiGet<{ name: string }>(`/members/${leaderMe.grants[0].memberId}`);
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/admin/users`);
  const row = page.getByRole('row', { name: /demo_group_leader/ });
  await row.waitFor();
  expect(await row.textContent()).toContain(`党小组长 · ${leaderMe.grants[0].orgName} · ${member.name}`);
  expect(await page.getByText('关联党员').count()).toBe(0);
  await pickOption(page, page.getByRole('combobox', { name: '角色' }), '党小组长');
  await page.getByText('关联党员').waitFor();
  await pickOption(page, page.getByRole('combobox', { name: '角色' }), '指导员');
  await page.getByText('关联党员').waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
});

/** The login cookie header of a demo user. */
async function cookieOf(username: string): Promise<string> {
  const cookies = await loginCookies(username);
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}
