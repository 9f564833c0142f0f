/**
 * The dashboard in a browser: the figures on screen are the API's, clicking a township drills down (scope in the
 * URL, figures of the township), "up one level" goes back, and a 360-px phone gets the page without sideways
 * scrolling; the Party life section's figures are the API's and link through to the star board. Screenshots go to test-results/e2e/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DashboardBody } from '../../src/shared/schemas/dashboard.ts';
import type { PartyLifeFigures } from '../../src/shared/schemas/dashboard-party-life.ts';
import { apiGet, baseUrl, COUNTY, launchBrowser, openPage, PHONE, screenshot, scrollWidth } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const dashboard = (scope: string) => apiGet<DashboardBody>(`/dashboard?scope=${scope}`);

/** Waits until the page shows `scope`'s data with its charts drawn. */
async function ready(page: Page, scope: string): Promise<void> {
  await page.locator(`[data-testid="dashboard-ready"][data-scope="${scope}"]`).waitFor({ state: 'attached' });
}

/** Lets the charts' entry animations (0.5 s) finish before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(800);

/** The raw number behind a headline card. */
async function stat(page: Page, key: string): Promise<number> {
  return Number(await page.getByTestId(`stat-${key}`).getAttribute('data-value'));
}

test('the headline figures equal the API, and clicking a township drills down and back up', async () => {
  const county = await dashboard(COUNTY);
  const township = county.children.find((c) => c.households > 0)!;
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/`);
  await ready(page, COUNTY);
  for (const key of ['households', 'poor', 'exited', 'members'] as const) {
    expect(await stat(page, key), key).toBe(county.totals[key]);
  }
  expect(await page.getByTestId('dashboard-scope').textContent()).toBe(county.scope.name);
  await page.getByTestId('chart-map').waitFor();
  await settle(page);
  await screenshot(page, 'dashboard-county');

  await page.getByTestId(`child-${township.code}`).click();
  await page.waitForURL((url) => url.searchParams.get('scope') === township.code);
  await ready(page, township.code);
  const detail = await dashboard(township.code);
  expect(await stat(page, 'households')).toBe(detail.totals.households);
  expect(await stat(page, 'households')).toBe(township.households);
  expect(await page.getByTestId('dashboard-scope').textContent()).toBe(township.name);
  await settle(page);
  await screenshot(page, 'dashboard-township');

  await page.getByRole('button', { name: '上一级' }).click();
  await page.waitForURL((url) => url.searchParams.get('scope') === COUNTY);
  await ready(page, COUNTY);
  expect(await stat(page, 'households')).toBe(county.totals.households);
  expect(errors).toEqual([]);
});

test('on a 360-px phone the dashboard fits the screen width', async () => {
  const county = await dashboard(COUNTY);
  const township = county.children.find((c) => c.households > 0)!;
  const { page, errors } = await openPage(browser, PHONE);
  await page.goto(`${baseUrl()}/?scope=${township.code}`);
  await ready(page, township.code);
  expect(await stat(page, 'households')).toBe(township.households);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await settle(page);
  await screenshot(page, 'dashboard-phone');
  expect(errors).toEqual([]);
});

test('on a phone the Party life section shows the API figures and links through to the star board', async () => {
  const county = await dashboard(COUNTY);
  const township = county.children.find((c) => c.households > 0)!;
  const figures = await apiGet<PartyLifeFigures>(`/dashboard/party-life?scope=${township.code}`);
  expect(figures.activities.required).toBeGreaterThan(0);
  const { page, errors } = await openPage(browser, PHONE);
  await page.goto(`${baseUrl()}/?scope=${township.code}`);
  await ready(page, township.code);
  const section = page.locator(`[data-testid="party-life"][data-scope="${township.code}"]`);
  await section.scrollIntoViewIfNeeded();
  const value = async (id: string) => Number(await page.getByTestId(`party-life-${id}`).getAttribute('data-value'));
  for (const key of ['required', 'held', 'late', 'missed'] as const) {
    expect(await value(key), key).toBe(figures.activities[key]);
  }
  expect(await value('vetoed')).toBe(figures.stars.vetoed);
  const fiveStars = section.locator('[data-testid="party-life-stars"] li[data-stars="5"]');
  expect(Number(await fiveStars.getAttribute('data-value'))).toBe(figures.stars.byStars['5']);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, 'dashboard-party-life-phone');
  await section.getByRole('link', { name: /星级评定看板/ }).click();
  await page.waitForURL((url) => url.pathname === '/stars' && url.searchParams.get('scope') === township.code);
  expect(new URL(page.url()).searchParams.get('year')).toBe(String(figures.year));
  expect(errors).toEqual([]);
});
