/** Journey: a 360 × 740 phone through the menu, both lists and a record, never scrolling sideways. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, launchBrowser, openPage, PHONE, screenshot, scrollWidth } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function expectNoSidewaysScroll(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  expect(await scrollWidth(page), `${name} is wider than the phone`).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, `phone-${name}`);
}

test('phone-size pass over the lists and the record page', async () => {
  const { page, errors } = await openPage(browser, PHONE);
  await page.goto(`${baseUrl()}/`);
  // The side menu is a drawer on phones.
  await page.getByRole('button', { name: '打开菜单' }).click();
  await page.locator('.ant-drawer .ant-menu-item', { hasText: '贫困户' }).click();
  await page.waitForURL('**/households');
  await page.locator('.list-card').first().waitFor(); // cards, not a table
  expect(await page.locator('.ant-table').count()).toBe(0);
  await expectNoSidewaysScroll(page, 'households');

  await page.locator('.list-card a').first().click();
  await page.locator('h2.household-head').waitFor();
  await page.locator('.person-name').first().waitFor();
  await expectNoSidewaysScroll(page, 'household-record');

  await page.goto(`${baseUrl()}/members`);
  await page.locator('.list-card').first().waitFor();
  await expectNoSidewaysScroll(page, 'members');

  const member = (await apiGet<{ items: { id: number }[] }>('/members?pageSize=1')).items[0]!;
  await page.goto(`${baseUrl()}/members/${member.id}`);
  await page.locator('.member-card').waitFor();
  await expectNoSidewaysScroll(page, 'member-card');

  await page.goto(`${baseUrl()}/members/${member.id}/edit`);
  await page.locator('#name').waitFor();
  await expectNoSidewaysScroll(page, 'member-form');
  expect(errors).toEqual([]);
});
