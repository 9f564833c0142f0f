/**
 * Things done and early warning in a browser: the dashboard's lazy things-done section shows the API's total
 * after the first screen, its link opens the early-warning list, a kind filter narrows it, and "纳入监测" with a
 * reason puts a household under monitoring (it leaves the list). Screenshots go to test-results/e2e/.
 */
import type { Browser } from 'playwright-core';
import type { Static } from 'typebox';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ThingsDone, WarningPage } from '../../src/shared/schemas/warnings.ts';
import { apiGet, baseUrl, COUNTY, launchBrowser, openPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the dashboard shows things done lazily and links to the early-warning list', async () => {
  const figures = await apiGet<Static<typeof ThingsDone>>(`/things-done?within=${COUNTY}`);
  expect(figures.total).toBeGreaterThan(0);
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/`);
  const total = page.getByTestId('things-done-total');
  await total.waitFor();
  expect(Number(await total.getAttribute('data-value'))).toBe(figures.total);
  await screenshot(page, 'dashboard-things-done');
  await page.getByRole('link', { name: /防返贫监测预警/ }).click();
  await page.waitForURL((url) => url.pathname === '/problems/warnings');
  await page.locator('[data-testid="warnings-table"] .ant-table-row').first().waitFor();
  expect(errors).toEqual([]);
});

test('filters warnings by kind and puts a household under monitoring', async () => {
  const before = await apiGet<Static<typeof WarningPage>>('/warnings?kind=low_income');
  expect(before.total).toBeGreaterThan(0);
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/problems/warnings`);
  // The kind filter (a segmented control), not the rows' tags of the same name.
  await page.locator('.ant-segmented-item-label', { hasText: /^收入临界/ }).click();
  const first = page.locator('[data-testid="warnings-table"] .ant-table-row').first();
  await first.getByText(before.items[0]!.headName).waitFor();
  await screenshot(page, 'warnings-low-income');
  await first.getByRole('button', { name: '纳入监测' }).click();
  await page.getByLabel('纳入监测的原因').fill('收入临界，纳入监测');
  await page.locator('.ant-modal-footer').getByRole('button', { name: '纳入监测' }).click();
  await page.getByText('已纳入监测').waitFor();
  const after = await apiGet<Static<typeof WarningPage>>('/warnings?kind=low_income');
  expect(after.total).toBe(before.total - 1);
  expect(after.items.map((i) => i.householdId)).not.toContain(before.items[0]!.householdId);
  expect(errors).toEqual([]);
});
