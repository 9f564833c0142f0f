/**
 * Layout at the sizes people use (issue 13, item 13): on a 360 × 740 phone every demo role's header fits the
 * screen without its parts overlapping and no page scrolls sideways; the problem lists are cards on a phone;
 * on a 1366 px laptop the problem inbox keeps its deadline column in view.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { baseUrl, launchBrowser, openPage, PHONE, screenshot, scrollWidth } from './support/browser.ts';

const ROLES = [
  'county_admin',
  'township_admin',
  'village_secretary',
  'instructor',
  'group_leader',
  'member',
  'auditor',
];
const LAPTOP = { width: 1366, height: 768 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Box {
  name: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The header's visible parts (the account corner counted by its own parts), with their boxes. */
function headerBoxes(page: Page): Promise<{ boxes: Box[]; scroll: number; client: number }> {
  return page.evaluate(() => {
    const header = document.querySelector('.shell-header') as HTMLElement;
    const parts = Array.from(header.children).flatMap((el) =>
      el.classList.contains('shell-account') ? Array.from(el.querySelector('.account-menu')?.children ?? []) : [el],
    );
    const boxes = parts
      .map((el) => ({ name: el.className || el.tagName, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0)
      .map(({ name, rect }) => ({ name, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom }));
    return { boxes, scroll: header.scrollWidth, client: header.clientWidth };
  });
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

test.each(ROLES)('the header of demo_%s fits a 360 px phone without overlapping parts', async (role) => {
  const { page, errors } = await openPage(browser, PHONE, { username: `demo_${role}` });
  await page.goto(`${baseUrl()}/`);
  await page.locator('.shell-header .account-menu .ant-btn').waitFor();
  await page.waitForLoadState('networkidle');
  const { boxes, scroll, client } = await headerBoxes(page);
  expect(boxes.length, role).toBeGreaterThanOrEqual(4); // menu, brand, name, language at least
  expect(scroll, `${role}: header content wider than the header`).toBeLessThanOrEqual(client);
  for (const box of boxes) {
    expect(box.left, `${role}: ${box.name}`).toBeGreaterThanOrEqual(0);
    expect(box.right, `${role}: ${box.name}`).toBeLessThanOrEqual(PHONE.width);
  }
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) expect(overlap(a, b), `${role}: ${a.name} overlaps ${b.name}`).toBe(false);
  }
  expect(await scrollWidth(page), `${role}: the page scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, `phone-header-${role}`);
  expect(errors, role).toEqual([]);
  await page.context().close();
});

test('the problem inbox and the overdue board are cards on a phone', async () => {
  const { page, errors } = await openPage(browser, PHONE);
  for (const [path, testId] of [
    ['/problems', 'problem-table'],
    ['/problems/overdue', 'overdue-table'],
  ] as const) {
    await page.goto(`${baseUrl()}${path}`);
    if (path === '/problems') await page.getByRole('checkbox').first().uncheck(); // every problem, not only pending
    await page.getByTestId(testId).locator('.list-card').first().waitFor();
    expect(await page.locator('.ant-table').count(), path).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await scrollWidth(page), `${path} scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, `phone-problems-${testId}`);
  }
  expect(errors).toEqual([]);
});

test('the problem inbox shows its deadline column on a 1366 px screen', async () => {
  const { page, errors } = await openPage(browser, LAPTOP);
  await page.goto(`${baseUrl()}/problems`);
  const table = page.getByTestId('problem-table');
  const due = table.locator('th', { hasText: '办理期限' });
  await due.waitFor();
  const [dueBox, tableBox] = await Promise.all([
    due.boundingBox(),
    table.locator('.ant-table-content, .ant-table-body').first().boundingBox(),
  ]);
  expect(dueBox).not.toBeNull();
  expect(tableBox).not.toBeNull();
  expect((dueBox?.x ?? 0) + (dueBox?.width ?? 0)).toBeLessThanOrEqual(
    (tableBox?.x ?? 0) + (tableBox?.width ?? 0) + 0.5,
  );
  expect((dueBox?.x ?? 0) + (dueBox?.width ?? 0)).toBeLessThanOrEqual(LAPTOP.width);
  await screenshot(page, 'laptop-problem-inbox');
  expect(errors).toEqual([]);
});
