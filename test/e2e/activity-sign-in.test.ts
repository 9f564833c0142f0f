/**
 * Journey on phones (360 px): the demo group leader opens QR sign-in for their group's activity held today (the
 * demo seeds its December theme day on the demo date) and shows the code; the demo member, in that group, opens the
 * code's link on their phone, sees what they sign in to and taps 签到; the leader refreshes and sees the member
 * present, signed in by QR. Neither page scrolls sideways.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseUrl, businessToday, launchBrowser, openPage, PHONE, screenshot, scrollWidth } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const API = '/api/counties/340822/party-activities';

test('the leader shows the QR code, the member signs in on a phone, the leader sees them present', async () => {
  const leader = await openPage(browser, PHONE, { username: 'demo_group_leader' });
  const member = await openPage(browser, PHONE, { username: 'demo_member' });
  const today = await businessToday();
  const held = await leader.page.request.get(`${baseUrl()}${API}?status=held&from=${today}&to=${today}`);
  expect(held.ok()).toBe(true);
  const [activity] = (await held.json()).items as Array<{ id: number; kind: string }>;
  expect(activity).toBeDefined();
  const me = await (await member.page.request.get(`${baseUrl()}/api/auth/me`)).json();
  const memberId: number = me.grants[0].memberId;

  await leader.page.goto(`${baseUrl()}/activities/${activity?.id}`);
  await leader.page.getByTestId('open-sign-in').click();
  await leader.page.getByTestId('sign-in-qr').waitFor();
  const link = await leader.page.getByTestId('sign-in-link').getAttribute('href');
  expect(link).toMatch(
    new RegExp(`/activity-sign-in\\?county=340822&activity=${activity?.id}&token=[A-Za-z0-9_-]{24}$`),
  );
  expect(await scrollWidth(leader.page)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(leader.page, 'activity-sign-in-qr');

  await member.page.goto(`${baseUrl()}${new URL(link as string).pathname}${new URL(link as string).search}`);
  await member.page.getByTestId('sign-in-confirm').click();
  await member.page.getByTestId('signed-in').waitFor();
  expect(await scrollWidth(member.page)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(member.page, 'activity-signed-in');

  await leader.page.getByTestId('refresh-attendance').click();
  await expect
    .poll(async () => (await leader.page.getByTestId(`method-${memberId}`).textContent()) ?? '')
    .toBe('扫码签到');
  const detail = await (await leader.page.request.get(`${baseUrl()}${API}/${activity?.id}`)).json();
  expect(detail.roster.find((r: { memberId: number }) => r.memberId === memberId)).toMatchObject({
    status: 'present',
    method: 'qr',
  });
  // Signing in again is refused with the server's message, nothing written.
  await member.page.reload();
  await member.page.getByText('您已签到').waitFor();
  for (const p of [leader, member]) expect(p.errors).toEqual([]);
});
