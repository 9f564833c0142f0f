/**
 * Journey: register a household (place taken from the scope, the head in the same form), then add a member from
 * the record page; both show on the record.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeResidentId } from '../../src/domain/ids.ts';
import { apiGet, baseUrl, launchBrowser, openPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Picks `label` in the antd Select whose input has this id, and waits for its list to close: a list still
 * fading out lies over the next field and takes its click (seen in CI).
 */
async function choose(page: Page, id: string, label: string): Promise<void> {
  const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';
  await page.locator(`#${id}`).click();
  await page.locator(`${open} .ant-select-item-option`, { hasText: label }).first().click();
  await expect.poll(() => page.locator(open).count(), { timeout: 5_000 }).toBe(0);
}

test('register a household with its head, then add a member on the record page', async () => {
  const places = await apiGet<{ items: { code: string }[] }>('/org-units?level=natural_village&pageSize=1');
  const place = places.items[0]!.code;
  const stamp = Date.now() % 1_000_000;
  const registryNo = `99${String(stamp).padStart(8, '0')}`; // digits: the list searches registry numbers by prefix
  // Sequences far from the seed's, so the ID numbers are new to the county.
  const headId = makeResidentId('340822', '1971-03-09', 900 + (stamp % 50) * 2 + 1);
  const childId = makeResidentId('340822', '2004-10-21', 900 + (stamp % 50) * 2);

  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/households/new?scope=${place}`);
  await page.locator('#registryNo').fill(registryNo);
  await choose(page, 'mainCause', '缺资金');
  await page.locator('#persons_0_name').fill('测试户主');
  await page.locator('#persons_0_idNumber').fill(headId);
  await choose(page, 'persons_0_education', '初中');
  await page.getByRole('button', { name: /保\s*存/ }).click();

  await page.waitForURL(/\/households\/\d+\?scope=/);
  const head = page.locator('h2.household-head');
  await head.waitFor();
  expect(await head.textContent()).toBe('测试户主');
  expect(await page.locator('.saved-notice').count()).toBe(1);

  await page.getByRole('button', { name: '添加家庭成员' }).click();
  const dialog = page.locator('.ant-modal');
  await dialog.locator('#name').fill('测试子女');
  await dialog.locator('#idNumber').fill(childId);
  await choose(page, 'relation', '子女');
  await choose(page, 'education', '高中');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.locator('.person-name', { hasText: '测试子女' }).waitFor();
  expect(await page.locator('.household-persons-count').textContent()).toContain('2');
  await screenshot(page, 'household-created');

  const found = await apiGet<{ items: { registryNo: string; size: number }[] }>(`/households?q=${registryNo}`);
  expect(found.items).toMatchObject([{ registryNo, size: 2 }]);
  expect(errors).toEqual([]);
});
