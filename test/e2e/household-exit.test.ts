/**
 * Journey: a demo household that meets the exit standard walks the exit workflow on its record — assessment,
 * village verification, the head's signature, five days of public notice (seen on the 公示 board), a refused
 * early completion with the server's message, then the exit — all with backdated days. Each answer is the API's.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays } from '../../src/domain/exit-workflow.ts';
import {
  apiGet,
  baseUrl,
  businessToday,
  COUNTY,
  launchBrowser,
  loginCookies,
  openPage,
  screenshot,
} from './support/browser.ts';

interface Assessment {
  passes: boolean;
  checks: { code: string; passed: boolean }[];
}
interface Exit {
  status: string;
  exitedOn: string | null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  today = await businessToday();
});
afterAll(async () => {
  await browser?.close();
});

/** The server's business date (the demo clock's on the demo), read before the journey. */
let today = '';
const day = (offset: number) => addDays(today, offset);

/** PUT as the demo admin (session cookie and CSRF header). */
async function apiPut(path: string, body: unknown): Promise<void> {
  const cookies = await loginCookies();
  const cookie = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const res = await fetch(`${baseUrl()}/api/counties/${COUNTY}${path}`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': cookies.lianxin_csrf ?? '' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
}

/**
 * A household in poverty without an exit that meets the exit standard; demo households in poverty are below the
 * line, so one whose only failing check is income gets a well-paid year first (as a clerk would enter it).
 */
async function exitableHousehold(): Promise<{ id: number; headName: string }> {
  const list = await apiGet<{ items: { id: number; headName: string }[] }>('/households?status=identified&pageSize=50');
  for (const row of list.items.slice(10)) {
    const exits = await apiGet<{ items: unknown[] }>(`/households/${row.id}/exits`);
    if (exits.items.length > 0) continue;
    const result = await apiGet<Assessment>(`/households/${row.id}/exit-assessment`);
    if (result.passes) return row;
    if (result.checks.some((c) => !c.passed && c.code !== 'income')) continue;
    const household = await apiGet<{ size: number; income: { year: number }[] }>(`/households/${row.id}`);
    const year = Math.max(...household.income.map((i) => i.year));
    await apiPut(`/households/${row.id}/income/${year}`, { wage: 20_000 * household.size });
    return row;
  }
  throw new Error('no household in the test county can exit');
}

/** Opens the panel's action `button`, fills the dialog's fields by label and saves; waits for the dialog to close. */
async function act(page: Page, button: string, fields: Record<string, string>): Promise<void> {
  await page.getByTestId('exit-panel').getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByTestId('exit-dialog');
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await page.getByTestId('exit-dialog-ok').click();
  await dialog.waitFor({ state: 'detached' });
}

test('a household exits through assessment, verification, signature and public notice', async () => {
  const household = await exitableHousehold();
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/households/${household.id}`);
  const panel = page.getByTestId('exit-panel');
  await panel.waitFor();

  await act(page, '发起退出评估', { 评估日期: day(-20) });
  await panel.getByTestId('exit-status').getByText('已评估').waitFor();
  await act(page, '村级核实', { 日期: day(-18), 核实意见: '村两委入户核实属实' });
  await panel.getByTestId('exit-status').getByText('已核实').waitFor();
  await act(page, '登记户主签字', { 日期: day(-16) });
  await panel.getByTestId('exit-status').getByText('已签字').waitFor();
  await act(page, '开始公示', { 公示开始日期: day(-10) });
  await panel.getByTestId('exit-status').getByText('公示中').waitFor();
  expect(await panel.textContent()).toContain(`公示 ${day(-10)} 至 ${day(-6)}`);
  await screenshot(page, 'household-exit-notice');

  // The notice board of the county lists it with the notice's last day.
  await page.goto(`${baseUrl()}/exit-notices?q=${encodeURIComponent(household.headName)}`);
  await page.getByRole('link', { name: household.headName }).first().waitFor();
  expect(await page.locator('.ant-table-tbody').textContent()).toContain(day(-6));
  await page.getByRole('link', { name: household.headName }).first().click();
  await panel.waitFor();

  // Completing inside the notice period is refused with the server's message; a day after it succeeds.
  await panel.getByRole('button', { name: '确认退出' }).click();
  const dialog = page.getByTestId('exit-dialog');
  await dialog.getByLabel('日期', { exact: true }).fill(day(-7));
  await page.getByTestId('exit-dialog-ok').click();
  await dialog
    .getByText(`${day(-5)} 起方可退出`)
    .first()
    .waitFor();
  await dialog.getByLabel('日期', { exact: true }).fill(day(-5));
  await page.getByTestId('exit-dialog-ok').click();
  await dialog.waitFor({ state: 'detached' });
  await panel.getByTestId('exit-status').getByText('已退出').waitFor();
  await screenshot(page, 'household-exit-done');

  const record = await apiGet<{ status: string; statusHistory: { status: string; effectiveOn: string }[] }>(
    `/households/${household.id}`,
  );
  expect(record.status).toBe('exited');
  expect(record.statusHistory.at(-1)).toMatchObject({ status: 'exited', effectiveOn: day(-5) });
  const exits = await apiGet<{ items: Exit[] }>(`/households/${household.id}/exits`);
  expect(exits.items[0]).toMatchObject({ status: 'exited', exitedOn: day(-5) });
  expect(errors).toEqual([]);
});
