/** Journey: switch the interface to English and back; the choice survives a reload. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseUrl, launchBrowser, openPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const menuLabels = (page: Page) => page.locator('.nav-menu .ant-menu-title-content').allInnerTexts();

test('switch to English and back, persisting across reloads', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/members`);
  await page.locator('.nav-menu').waitFor();
  expect(await menuLabels(page)).toContain('党员');

  await page.getByText('EN', { exact: true }).click();
  await page.getByRole('heading', { name: 'Party members' }).waitFor();
  expect(await menuLabels(page)).toContain('Party members');
  // Ant Design's own texts follow (en_US locale): the pager's "/ page" size changer.
  await page.locator('.ant-pagination-options', { hasText: '/ page' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Party members' }).waitFor();
  expect(await menuLabels(page)).toContain('Party members');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await screenshot(page, 'language-english');

  await page.getByText('中文', { exact: true }).click();
  await page.getByRole('heading', { name: '党员' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: '党员' }).waitFor();
  expect(await menuLabels(page)).toContain('党员');
  await screenshot(page, 'language-chinese');
  expect(errors).toEqual([]);
});

test('server-written text follows a switch at once (warning reasons come in the request language)', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/problems/warnings`);
  await page.getByText('年人均纯收入').first().waitFor();
  await page.getByText('EN', { exact: true }).click();
  // No reload: the switch fetches the list again with Accept-Language: en.
  await page.getByText('Per-capita income').first().waitFor();
  expect(await page.getByText('年人均纯收入').count()).toBe(0);
  await page.getByText('中文', { exact: true }).click();
  await page.getByText('年人均纯收入').first().waitFor();
  expect(errors).toEqual([]);
});
