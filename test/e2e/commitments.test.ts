/**
 * Journey: a county admin proposes a member's public commitment from the member's card page, approves it,
 * publishes it and records the fulfilment of one item with evidence; the API then holds the same.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, businessToday, launchBrowser, openPage, screenshot } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Page<T> = { items: T[]; total: number };

test('propose a commitment for a member, approve, publish and fulfil one item', async () => {
  const members = await apiGet<Page<{ id: number; name: string }>>('/members?pageSize=5&sort=name');
  const member = members.items[0]!;
  const year = Number((await businessToday()).slice(0, 4));
  const before = await apiGet<Page<unknown>>(`/commitments?memberId=${member.id}&year=${year}`);
  expect(before.total).toBe(0);

  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/members/${member.id}`);
  const section = page.getByTestId('member-commitments');
  await section.getByRole('button', { name: '提出承诺' }).click();
  await page.waitForURL(`**/commitments/new?memberId=${member.id}**`);
  await page.getByTestId('item-content-0').fill('每月走访结对户一次');
  await page.getByTestId('item-add').click();
  await page.getByTestId('item-content-1').fill('参与村组道路维护义务劳动');
  await page.getByTestId('commitment-submit').click();
  await page.waitForURL(/\/commitments\/[0-9]+/);
  await expect.poll(() => page.getByTestId('commitment-status').first().textContent()).toBe('待审核');

  await page.getByTestId('commitment-approve').click();
  await page.getByTestId('commitment-review-ok').click();
  await expect.poll(() => page.getByTestId('commitment-status').first().textContent()).toBe('已审核');

  await page.getByTestId('commitment-publish').click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /公\s*开/ })
    .click();
  await expect.poll(() => page.getByTestId('commitment-status').first().textContent()).toBe('已公开');

  await page.getByTestId('item-fulfil-1').click();
  await page.locator('#evidence').fill('已走访 3 次，记录见帮扶手册');
  await page.getByTestId('commitment-fulfil-ok').click();
  const fulfilled = page.getByTestId('item-fulfilled-1');
  await fulfilled.waitFor();
  expect(await fulfilled.textContent()).toContain('已走访 3 次，记录见帮扶手册');
  await screenshot(page, 'commitment-fulfilled');

  const after = await apiGet<Page<{ id: number; status: string; items: number; fulfilled: number }>>(
    `/commitments?memberId=${member.id}&year=${year}`,
  );
  expect(after.items).toEqual([expect.objectContaining({ status: 'published', items: 2, fulfilled: 1 })]);
  expect(errors).toEqual([]);
});
