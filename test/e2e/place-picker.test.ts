/**
 * Typing in the natural-village picker finds natural villages anywhere in the county (issue 13, item 16): the
 * household form's picker, opened fresh, is given part of the name of the county's last natural village (in a
 * branch never opened) and offers it; choosing it fills the field.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, launchBrowser, openPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Unit {
  code: string;
  name: string;
}

test('the natural-village picker finds a natural village of an unopened branch by part of its name', async () => {
  const units = await apiGet<{ items: Unit[]; total: number }>(
    '/org-units?level=natural_village&sort=-code&pageSize=1',
  );
  const target = units.items[0] as Unit;
  expect(target.name.length).toBeGreaterThanOrEqual(2);
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/households/new`);
  const picker = page.locator('#naturalVillageCode');
  await picker.waitFor();
  await picker.click();
  // Part of the name (a substring, not only its start).
  await picker.pressSequentially(target.name.slice(1));
  const option = page.locator('.ant-select-tree-treenode', { hasText: target.name }).last();
  await option.waitFor({ timeout: 15_000 });
  await screenshot(page, 'place-picker-search');
  await option.locator('.ant-select-tree-node-content-wrapper').click();
  const field = page.locator('.ant-select', { has: page.locator('#naturalVillageCode') });
  await expect.poll(() => field.textContent()).toContain(target.name);
  expect(errors).toEqual([]);
});
