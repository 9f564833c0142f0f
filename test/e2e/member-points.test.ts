/**
 * Journeys of points and stars on the seeded demo: the demo member opens their points on a phone (360 px), sees
 * the year's lines and follows one to the record that earned it; the county admin recomputes the demo year on the
 * star board and sees the stars by level, within the demo county's quotas.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseUrl, DESKTOP, launchBrowser, openPage, PHONE, screenshot, scrollWidth } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const API = '/api/counties/340822/assessment';

test('a member on a phone opens their points and follows a line to its record', async () => {
  const member = await openPage(browser, PHONE, { username: 'demo_member' });
  const mine = await (await member.page.request.get(`${baseUrl()}${API}/me/points?year=2020`)).json();
  expect(mine.points.lines.length).toBeGreaterThan(0);
  await member.page.goto(`${baseUrl()}/my-points?year=2020`);
  await member.page.getByTestId('point-line').first().waitFor();
  expect(await member.page.getByTestId('point-line').count()).toBe(mine.points.lines.length);
  expect(await scrollWidth(member.page)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(member.page, 'member-points-phone');
  const first = mine.points.lines.find((l: { link: string }) => l.link !== 'adjustment');
  const paths: Record<string, string> = {
    household: '/households/',
    activity: '/activities/',
    commitment: '/commitments/',
    problem: '/problems/',
  };
  const index = mine.points.lines.indexOf(first);
  await member.page.getByTestId('point-line-link').nth(index).locator('a').click();
  await member.page.waitForURL((url) => url.pathname === `${paths[first.link]}${first.linkId}`);
  expect(member.errors).toEqual([]);
});

test('a county admin recomputes the demo year and sees the star board', async () => {
  const admin = await openPage(browser, DESKTOP, { username: 'demo_county_admin' });
  await admin.page.goto(`${baseUrl()}/stars?year=2020`);
  await admin.page.getByTestId('round-stage').waitFor();
  await admin.page.getByTestId('recompute').click();
  await admin.page.getByText(/已计算 \d+ 名党员/).waitFor();
  const board = await (await admin.page.request.get(`${baseUrl()}${API}/board?year=2020`)).json();
  expect(board.rated).toBeGreaterThan(0);
  expect(board.byStars['5']).toBeLessThanOrEqual(Math.floor(board.rated * 0.05));
  expect(board.byStars['1']).toBeLessThan(board.rated);
  await expect
    .poll(async () => ((await admin.page.getByTestId('stars-5').textContent()) ?? '').replaceAll(',', ''))
    .toContain(String(board.byStars['5']));
  await screenshot(admin.page, 'star-board');
  expect(admin.errors).toEqual([]);
});
