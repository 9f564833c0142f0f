/**
 * Journey: a phone records help with no signal. The form is opened for a paired household while online, the
 * phone goes offline, the record is saved on the device (the panel shows 1 waiting), the phone comes back
 * online, the record is sent by itself, stored exactly once, and the queue is empty.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  apiGet,
  baseUrl,
  launchBrowser,
  openPage,
  PHONE,
  pickOption,
  queuedHelpRecords,
  screenshot,
} from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Pairing {
  member: { id: number; name: string };
  household: { id: number; headName: string };
}

test('a help record saved offline is sent once when the phone is back online', async () => {
  const pairing = (await apiGet<{ items: Pairing[] }>('/pairings?status=current&pageSize=1')).items[0] as Pairing;
  const { page, errors } = await openPage(browser, PHONE);
  await page.goto(`${baseUrl()}/help/new?householdId=${pairing.household.id}`);
  await page.locator('.help-queue-count', { hasText: '全部已发送' }).waitFor();
  await page.locator('.ant-select', { hasText: pairing.household.headName }).first().waitFor();
  await pickOption(
    page,
    page.locator('#memberId').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
    pairing.member.name,
  );
  await pickOption(
    page,
    page.locator('#measure').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]'),
    '就业帮扶',
  );

  await page.context().setOffline(true);
  const content = `离线走访 ${randomUUID().slice(0, 8)}：介绍到县城务工`;
  await page.locator('#content').fill(content);
  await page
    .getByRole('button', { name: '保 存' })
    .or(page.getByRole('button', { name: '保存' }))
    .click();
  await page.locator('.help-queue-count', { hasText: '待发送 1 条' }).waitFor();
  expect(await page.locator('.help-queue-item').count()).toBe(1);
  await screenshot(page, 'help-offline-waiting');

  await page.context().setOffline(false);
  await page.locator('.help-queue-count', { hasText: '全部已发送' }).waitFor({ timeout: 20_000 });
  const stored = await apiGet<{ items: { content: string; memberId: number }[]; total: number }>(
    `/help-records?householdId=${pairing.household.id}&q=${encodeURIComponent(content.slice(0, 12))}`,
  );
  expect(stored.total).toBe(1);
  expect(stored.items[0]).toMatchObject({ content, memberId: pairing.member.id });
  const queued = await queuedHelpRecords(page);
  expect(queued).toBe(0);
  expect(errors).toEqual([]);
});
