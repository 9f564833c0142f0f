/**
 * Journey: a village secretary signs in on the login page, sees their scope in the header and only their
 * village's households, and cannot reach another township's household by typing its URL (not found, no leak).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, DEMO_PASSWORD, launchBrowser, openPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Grant {
  role: string;
  orgCode: string;
}

test('a village secretary signs in and cannot open another township’s household by URL', async () => {
  const { page, errors } = await openPage(browser, undefined, { signedIn: false });
  await page.goto(`${baseUrl()}/households`);
  await page.waitForURL('**/login?next=%2Fhouseholds');
  await page.getByLabel('用户名或手机号').fill('demo_village_secretary');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL('**/households');
  await page.getByRole('heading', { name: '贫困户' }).waitFor();
  const scope = page.getByTestId('account-scope');
  await scope.waitFor();
  expect(await scope.textContent()).toContain('村党组织书记');

  // The secretary's village, from their own session, and a household in another township (as the admin sees it).
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  const village = (me.grants as Grant[])[0]?.orgCode ?? '';
  expect(village).toMatch(/^\d{12}$/);
  const all = await apiGet<{ items: { id: number; naturalVillageCode: string }[] }>('/households?pageSize=100');
  const foreign = all.items.find((h) => !h.naturalVillageCode.startsWith(village.slice(0, 9)));
  expect(foreign).toBeDefined();

  const rows = page.locator('a[href^="/households/"]');
  await rows.first().waitFor();
  const own = await page.evaluate(async () => (await fetch('/api/counties/340822/households?pageSize=100')).json());
  expect(own.items.every((h: { naturalVillageCode: string }) => h.naturalVillageCode.startsWith(village))).toBe(true);

  await page.goto(`${baseUrl()}/households/${foreign?.id}`);
  await page.getByText('找不到这条记录').first().waitFor();
  expect(await page.locator('h2.household-head').count()).toBe(0);
  await screenshot(page, 'access-secretary-foreign-household');
  expect(errors).toEqual([]);
});
