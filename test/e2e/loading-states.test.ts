/**
 * Loading states (issue 13, item 16): until the first answer arrives a page shows a skeleton, never an empty
 * list ("暂无数据", the list's empty hint) or a 0 figure. Each page's API request is held by `page.route` until
 * the test has looked at the loading page, then let through; the data must then appear.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseUrl, DESKTOP, launchBrowser, openPage, PHONE } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Holds every request matching `pattern` until `release()`: a delay the test ends, not a timer. */
async function holdRequests(page: Page, pattern: RegExp) {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(pattern, async (route) => {
    await gate;
    await route.continue();
  });
  return { release };
}

const EMPTY_TEXTS = [/暂无数据/, /没有符合条件/];

async function emptyTextsShown(page: Page): Promise<number> {
  let count = 0;
  for (const text of EMPTY_TEXTS) count += await page.getByText(text).count();
  return count;
}

test.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
])('a registry list shows a skeleton, not "no data", before its first page arrives (%s)', async (_, viewport) => {
  const { page, errors } = await openPage(browser, viewport);
  const list = /\/api\/counties\/\d+\/households\?/;
  const hold = await holdRequests(page, list);
  await Promise.all([page.waitForRequest(list), page.goto(`${baseUrl()}/households`)]);
  await page.locator('.ant-skeleton').first().waitFor();
  expect(await emptyTextsShown(page)).toBe(0);
  expect(await page.getByText(/共\s*0\s*条/).count()).toBe(0);
  hold.release();
  const firstRow =
    viewport === PHONE ? page.locator('.card-list > div').first() : page.locator('tr.ant-table-row').first();
  await firstRow.waitFor();
  expect(await page.locator('.ant-skeleton').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('the dashboard shows no 0 figure before its first figures arrive', async () => {
  const { page, errors } = await openPage(browser);
  const figures = /\/api\/counties\/\d+\/dashboard/;
  const hold = await holdRequests(page, figures);
  await Promise.all([page.waitForRequest(figures), page.goto(`${baseUrl()}/`)]);
  await page.locator('.dashboard-skeleton').first().waitFor();
  expect(await page.locator('[data-testid^="stat-"]').count()).toBe(0);
  expect(await emptyTextsShown(page)).toBe(0);
  hold.release();
  const households = page.locator('[data-testid="stat-households"]');
  await households.waitFor();
  expect(Number(await households.getAttribute('data-value'))).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
