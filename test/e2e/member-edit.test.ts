/**
 * Journey: edit a member's information card — a bad value shows the API's own message under its field, a good
 * change is saved and still there after a reload.
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

test('edit a member card, see server validation under the field, and the saved change after reload', async () => {
  const list = await apiGet<{ items: { id: number; name: string }[] }>('/members?pageSize=1&sort=name');
  const member = list.items[0]!;
  const interests = `e2e 下棋 ${Date.now() % 100000}`;

  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/members/${member.id}/edit`);
  const phoneItem = page.locator('.ant-form-item').filter({ has: page.locator('#phone') });
  await page.locator('#phone').fill('123');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  // The schema's pattern message from the API (src/http/plugins/schema-messages.ts), under the phone field.
  const phoneError = phoneItem.locator('.ant-form-item-explain-error');
  await phoneError.waitFor();
  expect(await phoneError.textContent()).toBe('格式不正确');
  await screenshot(page, 'member-edit-validation');

  await page.locator('#phone').fill('');
  await page.locator('#interests').fill(interests);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(`**/members/${member.id}`);
  await page.locator('.member-card', { hasText: interests }).waitFor();

  await page.reload();
  const card = page.locator('.member-card');
  await card.waitFor();
  expect(await card.textContent()).toContain(interests);
  expect(await card.textContent()).toContain(member.name);
  await screenshot(page, 'member-card-after-edit');
  const saved = await apiGet<{ interests: string }>(`/members/${member.id}`);
  expect(saved.interests).toBe(interests);
  expect(errors).toEqual([]);
});
