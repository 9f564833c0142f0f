/**
 * Journeys of account administration (issue 13): the county admin disables an account and changes one of its
 * grants on the users page; a user changes their own password from the account menu and signs in with the new
 * one (the old one is refused). Both use accounts made here, not demo accounts other journeys rely on.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, apiPost, baseUrl, launchBrowser, openPage, pickOption, screenshot } from './support/browser.ts';

let browser: Browser;
let township = '';
beforeAll(async () => {
  browser = await launchBrowser();
  const units = await apiGet<{ items: { code: string }[] }>('/org-units?parent=340822&pageSize=1');
  township = units.items[0]?.code ?? '';
});
afterAll(async () => {
  await browser?.close();
});

interface UserView {
  id: number;
  disabled: boolean;
  grants: Array<{ role: string; orgCode: string }>;
}

async function createAccount(username: string, password: string): Promise<number> {
  const res = await apiPost('/users', {
    username,
    displayName: username,
    password,
    grants: [{ role: 'instructor', orgCode: township }],
  });
  if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel('用户名或手机号').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

test('the county admin disables an account and changes its grant', async () => {
  const username = `e2e.disable.${Date.now() % 100_000}`;
  const id = await createAccount(username, 'e2e-pass-123');
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/admin/users`);
  await page.getByLabel('按用户名或姓名查找').fill(username);
  const row = page.getByRole('row', { name: new RegExp(username.replaceAll('.', '\\.')) });
  await row.waitFor();

  await row.getByRole('button', { name: /停\s*用/ }).click();
  await page
    .locator('.ant-popconfirm:not(.ant-popover-hidden)')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await row.getByText('已停用').waitFor();
  expect((await apiGet<UserView>(`/users/${id}`)).disabled).toBe(true);
  await row.getByRole('button', { name: /启\s*用/ }).waitFor();

  await row.getByRole('button', { name: '编辑授权' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('[data-testid="grant-row"] .ant-select').first().waitFor();
  await pickOption(page, dialog.locator('[data-testid="grant-row"] .ant-select').first(), '审计员');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await row.getByText(/审计员/).waitFor();
  expect((await apiGet<UserView>(`/users/${id}`)).grants).toEqual([
    expect.objectContaining({ role: 'auditor', orgCode: township }),
  ]);
  await screenshot(page, 'users-admin-disabled-and-regranted');
  expect(errors).toEqual([]);
});

test('a user changes their own password and signs in with the new one', async () => {
  const username = `e2e.password.${Date.now() % 100_000}`;
  await createAccount(username, 'old-pass-123');
  const { page, errors } = await openPage(browser, undefined, { signedIn: false });
  await signIn(page, username, 'old-pass-123');
  const account = page.getByRole('button', { name: username });
  await account.waitFor();

  await account.hover();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('当前密码').fill('old-pass-123');
  await dialog.getByLabel('新密码', { exact: true }).fill('short');
  await dialog.getByLabel('再次输入新密码').fill('other-pass-456');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // The server's rule, explained before sending; then the two entries must agree.
  await dialog.getByText('密码须为 8–128 位，且同时包含字母和数字').waitFor();
  await dialog.getByText('两次输入的新密码不一致').waitFor();
  await dialog.getByLabel('新密码', { exact: true }).fill('new-pass-456');
  await dialog.getByLabel('再次输入新密码').fill('new-pass-456');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('密码已修改').waitFor();

  await account.hover();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL('**/login**');
  await signIn(page, username, 'old-pass-123');
  await page.getByText('用户名或密码不正确').waitFor();
  await signIn(page, username, 'new-pass-456');
  await account.waitFor();
  expect(errors).toEqual([]);
});
