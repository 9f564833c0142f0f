/** Journey: find a household by its head's name and open its record (persons, income, exit assessment). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, launchBrowser, openPage, screenshot } from './support/browser.ts';

interface Household {
  id: number;
  headName: string;
  persons: { name: string; relation: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('search a household by name and open its record', async () => {
  // A household with more than one person, so the record shows someone besides the head.
  const list = await apiGet<{ items: { id: number; size: number }[] }>('/households?status=identified&pageSize=50');
  const target = list.items.find((h) => h.size > 1) ?? list.items[0]!;
  const household = await apiGet<Household>(`/households/${target.id}`);
  const other = household.persons.find((p) => p.relation !== 'head') ?? household.persons[0]!;

  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/households`);
  await page.getByRole('heading', { name: '贫困户' }).waitFor();
  const search = page.getByPlaceholder('户主姓名、身份证号或户编号');
  await search.fill(household.headName);
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === household.headName);

  // Names repeat in a county: open the row of this household, not just any with the same name.
  await page.locator(`a[href="/households/${household.id}"]`).first().click();
  await page.waitForURL(`**/households/${household.id}`);
  const head = page.locator('h2.household-head');
  await head.waitFor();
  expect(await head.textContent()).toBe(household.headName);
  await page.locator('.person-name', { hasText: other.name }).first().waitFor();
  await page.locator('.exit-card .exit-verdict').waitFor();
  await screenshot(page, 'household-record');

  // The search survives a reload of the list (it lives in the URL).
  await page.goBack();
  await page.reload();
  const restored = page.getByPlaceholder('户主姓名、身份证号或户编号');
  await restored.waitFor();
  expect(await restored.inputValue()).toBe(household.headName);
  await page.locator(`a[href="/households/${household.id}"]`).first().waitFor();
  expect(errors).toEqual([]);
});
