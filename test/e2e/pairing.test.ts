/**
 * Journey: pairing (结对帮扶) — open the suggestions of a village whose households still need a helper, accept one
 * in the UI and find the pairing through the API; see the helper on the household's record; then hand the
 * household over to another member of the village from the pairing list and check the chain through the API.
 * Screenshots under test-results/e2e/pairing-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiGet, baseUrl, launchBrowser, openPage, pickOption, screenshot } from './support/browser.ts';

interface Suggestion {
  member: { id: number; name: string };
  household: { id: number; headName: string };
}
interface Suggestions {
  suggestions: Suggestion[];
  summary: { householdsNeedingHelp: number; householdsCovered: number };
}
interface PairingItem {
  id: number;
  member: { id: number; name: string };
  household: { id: number };
  endedOn: string | null;
  endReason: string | null;
  successorId: number | null;
}
interface PairingDetail extends PairingItem {
  predecessor: PairingItem | null;
  history: PairingItem[];
}
interface Member {
  id: number;
  name: string;
  capacity: number;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A village with a suggestion (the demo seed pairs nobody, so the first suggestion of the county has one). */
async function villageWithSuggestion(): Promise<{ village: string; suggestion: Suggestion }> {
  const county = await apiGet<Suggestions>('/pairings/suggestions?pageSize=1');
  const first = county.suggestions[0];
  expect(first).toBeDefined();
  const household = await apiGet<{ naturalVillageCode: string }>(`/households/${first!.household.id}`);
  const village = household.naturalVillageCode.slice(0, 12);
  const own = await apiGet<Suggestions>(`/pairings/suggestions?within=${village}&pageSize=100`);
  expect(own.suggestions.length).toBeGreaterThan(0);
  return { village, suggestion: own.suggestions[0]! };
}

/** A member of the village, other than `not`, with a free slot and a name no one else there has. */
async function freeMember(village: string, not: number): Promise<Member> {
  const members = await apiGet<{ items: Member[] }>(`/members?within=${village}&status=active&pageSize=100`);
  const names = new Map<string, number>();
  for (const x of members.items) names.set(x.name, (names.get(x.name) ?? 0) + 1);
  for (const x of members.items) {
    if (x.id === not || x.capacity === 0 || names.get(x.name) !== 1) continue;
    const paired = await apiGet<{ total: number }>(`/pairings?memberId=${x.id}`);
    if (paired.total < x.capacity) return x;
  }
  throw new Error(`no free member in ${village}`);
}

async function helpersText(page: Page, householdId: number): Promise<string> {
  await page.goto(`${baseUrl()}/households/${householdId}`);
  const card = page.getByTestId('household-helpers');
  await card.locator('.pairing-history li').first().waitFor(); // not the skeleton's placeholder lines
  return (await card.textContent()) ?? '';
}

test('accept a suggestion, see the helper on the household, hand over to another member', async () => {
  const { village, suggestion } = await villageWithSuggestion();
  const householdId = suggestion.household.id;
  const { page, errors } = await openPage(browser);

  // 1. The village's suggestions: figures, then accept one row.
  await page.goto(`${baseUrl()}/pairing-suggestions?scope=${village}`);
  await page.getByTestId('pairing-summary').waitFor();
  const accept = page.getByTestId(`accept-${householdId}`);
  await accept.waitFor();
  expect(await page.getByTestId(`suggested-member-${householdId}`).textContent()).toContain(suggestion.member.name);
  await screenshot(page, 'pairing-1-suggestions');
  await accept.click();
  await page.locator('.pairing-outcome.ant-alert-success').waitFor();
  await accept.waitFor({ state: 'detached' }); // the confirmed household drops out of the refreshed list

  const paired = await apiGet<{ items: PairingItem[] }>(`/pairings?householdId=${householdId}&status=all`);
  expect(paired.items).toHaveLength(1);
  const first = paired.items[0]!;
  expect(first.member.id).toBe(suggestion.member.id);
  expect(first.endedOn).toBeNull();

  // 2. The household's record lists its helper.
  expect(await helpersText(page, householdId)).toContain(suggestion.member.name);
  await screenshot(page, 'pairing-2-household-helper');

  // 3. Hand over from the pairing list to another member of the village.
  const successor = await freeMember(village, suggestion.member.id);
  await page.goto(`${baseUrl()}/pairings?scope=${village}&q=${encodeURIComponent(suggestion.household.headName)}`);
  await page.getByTestId(`handover-${first.id}`).click();
  const dialog = page.getByTestId('handover-dialog');
  await dialog.waitFor();
  await page.locator('#successorMemberId').fill(successor.name);
  await pickOption(page, null, `${successor.name} ·`);
  await pickOption(page, dialog.locator('#reason'), '迁出');
  await dialog.getByLabel('说明').fill('原帮扶人外出务工');
  await screenshot(page, 'pairing-3-handover');
  await page.getByTestId('handover-dialog-ok').click();
  await dialog.waitFor({ state: 'detached' });

  const chain = await apiGet<{ items: PairingItem[] }>(`/pairings?householdId=${householdId}&status=all`);
  expect(chain.items).toHaveLength(2);
  const ended = chain.items.find((p) => p.id === first.id)!;
  expect(ended.endReason).toBe('moved');
  expect(ended.successorId).not.toBeNull();
  const next = await apiGet<PairingDetail>(`/pairings/${ended.successorId}`);
  expect(next.member.id).toBe(successor.id);
  expect(next.endedOn).toBeNull();
  expect(next.predecessor?.id).toBe(first.id);

  // 4. The record shows the successor now, and the earlier pairing with its reason and successor.
  const text = await helpersText(page, householdId);
  expect(text).toContain(successor.name);
  expect(text).toContain(`由 ${successor.name} 接任`);
  await screenshot(page, 'pairing-4-household-history');
  expect(errors).toEqual([]);
});
