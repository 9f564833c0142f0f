/**
 * Journey: print a village's contact cards (连心卡) as the demo county admin — the card names the helper and
 * carries a QR code; in print media only the cards remain — then open the QR's public page on a phone without
 * any session: no login, no shell, none of the household's or helper's sensitive data, and feedback ends in the
 * thank-you state (a second one the same day is refused with the server's message); once the admin publishes it
 * on the moderation page, the public page shows it (and switches to English). Screenshots under
 * test-results/e2e/plaque-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, launchBrowser, openPage, PHONE, screenshot } from './support/browser.ts';

interface Plaque {
  id: number;
  memberId: number;
  url: string;
  helper: { name: string };
  household: { headName: string };
}
interface HouseholdSensitive {
  phone: string | null;
  bankAccount: string | null;
  persons: { idNumber: string }[];
}
interface MemberSensitive {
  idNumber: string;
  phone: string | null;
}

/** The demo county's first current pairing (the seed pairs every household needing help) and its village. */
async function firstPairing() {
  const { items } = await apiGet<{ items: { id: number; plaqueCode: string; household: { id: number } }[] }>(
    '/pairings?status=current&sort=village&pageSize=1',
  );
  const pairing = items[0]!;
  const household = await apiGet<{ naturalVillageCode: string }>(`/households/${pairing.household.id}`);
  return {
    pairingId: pairing.id,
    plaqueCode: pairing.plaqueCode,
    householdId: pairing.household.id,
    village: household.naturalVillageCode.slice(0, 12),
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('print a village’s plaques, then open the public page from the QR code and leave feedback', async () => {
  const fixture = await firstPairing();
  const plaque = await apiGet<Plaque>(`/pairings/${fixture.pairingId}/plaque`);
  expect(plaque.helper.name.length).toBeGreaterThan(1);

  // 1. The village's cards, as the county admin.
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/plaques?village=${fixture.village}`);
  const card = page.locator(`[data-testid="plaque"][data-plaque-code="${fixture.plaqueCode}"]`);
  await card.waitFor();
  expect(await card.textContent()).toContain(plaque.helper.name);
  expect(await card.textContent()).toContain(plaque.household.headName);
  const qr = card.locator('.plaque-qr');
  expect(await qr.locator('svg path').count()).toBeGreaterThan(0);
  expect(await qr.getAttribute('data-url')).toBe(plaque.url);
  expect(plaque.url).toBe(`${baseUrl()}/p/340822/${fixture.plaqueCode}`);
  await screenshot(page, 'plaque-1-print-page');

  // 2. Print media: the shell (header, menu, scope, toolbar) is gone, the cards remain.
  await page.emulateMedia({ media: 'print' });
  for (const shell of ['.shell-header', '.shell-sider', '.shell-scope', '.page-title']) {
    expect(await page.locator(shell).first().isVisible(), shell).toBe(false);
  }
  expect(await card.isVisible()).toBe(true);
  await page.screenshot({ path: 'test-results/e2e/plaque-2-print-media.png', fullPage: true });
  expect(errors).toEqual([]);

  // 3. The QR code's page on a phone, signed out: no session request, no dashboard request, no login redirect.
  const visitor = await openPage(browser, PHONE, { signedIn: false });
  const asked: string[] = [];
  visitor.page.on('request', (request) => asked.push(new URL(request.url()).pathname));
  await visitor.page.goto(plaque.url);
  await visitor.page.getByText(plaque.helper.name).first().waitFor();
  expect(new URL(visitor.page.url()).pathname).toBe(`/p/340822/${fixture.plaqueCode}`);
  expect(asked.filter((path) => path.startsWith('/api/'))).toEqual([
    `/api/public/plaques/340822/${fixture.plaqueCode}`,
  ]);
  expect(await visitor.page.locator('.shell-header, .shell-sider').count()).toBe(0);

  // 4. Nothing sensitive: the household's phone, bank account and ID numbers, the helper's ID and personal phone.
  const household = await apiGet<HouseholdSensitive>(`/households/${fixture.householdId}/sensitive`);
  const helper = await apiGet<MemberSensitive>(`/members/${plaque.memberId}/sensitive`);
  const secrets = [household.phone, household.bankAccount, ...household.persons.map((p) => p.idNumber)]
    .concat([helper.idNumber, helper.phone])
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  expect(secrets.length).toBeGreaterThanOrEqual(3);
  const text = await visitor.page.locator('body').textContent();
  const html = await visitor.page.content();
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    expect(html).not.toContain(secret);
  }
  await screenshot(visitor.page, 'plaque-3-public-page');

  // 5. Feedback: four stars and a comment → thank-you; a second one today → the server's refusal.
  await visitor.page.locator('.ant-rate-star').nth(3).locator('[role="radio"]').click();
  await visitor.page.getByRole('textbox').fill('帮扶人经常来看望，很满意');
  await visitor.page.getByRole('button', { name: /提交评价/ }).click();
  await visitor.page.locator('[data-testid="feedback-thanks"]').waitFor();
  expect(await visitor.page.locator('[data-testid="feedback-thanks"]').textContent()).toContain('感谢您的评价');
  await screenshot(visitor.page, 'plaque-4-thanks');

  await visitor.page.reload();
  await visitor.page.locator('.ant-rate-star').nth(1).locator('[role="radio"]').click();
  await visitor.page.getByRole('button', { name: /提交评价/ }).click();
  const refused = visitor.page.locator('[data-testid="feedback-error"]');
  await refused.waitFor();
  expect(await refused.textContent()).toContain('今天已经评价过');

  // 6. The county admin publishes it from the moderation list; the public page then shows it, in English too.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${baseUrl()}/feedback`);
  const row = page.locator('tr.ant-table-row', { hasText: '帮扶人经常来看望' });
  await row.locator('button.ant-btn-primary').click();
  await row.waitFor({ state: 'detached' });
  await screenshot(page, 'plaque-5-moderation');
  await visitor.page.reload();
  await visitor.page.getByText('帮扶人经常来看望，很满意').waitFor();
  await visitor.page.getByText('EN', { exact: true }).click();
  await visitor.page.getByText('Pairing notice').waitFor();
  expect(await visitor.page.locator('body').textContent()).toContain('Public rating');
  expect(visitor.errors).toEqual([]);
  expect(errors).toEqual([]);
});
