/**
 * Journey: pairing (结对帮扶). The demo seed pairs every household needing help, so a village with free member
 * slots first gets a few new (synthetic) households. Open that village's suggestions, accept one in the UI and
 * find the pairing through the API; see the helper on the household's record; hand the household over to another
 * member of the village from the pairing list and check the chain through the API. Then swap, reject, a row's 422
 * after a concurrent confirmation, and a bulk accept; and a fully paired village's empty state.
 * Screenshots under test-results/e2e/pairing-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildHousehold } from '../factories.ts';
import {
  apiGet,
  apiPost,
  baseUrl,
  businessToday,
  launchBrowser,
  openPage,
  PHONE,
  pickOption,
  screenshot,
  scrollWidth,
} from './support/browser.ts';

interface Suggestion {
  member: { id: number; name: string };
  household: { id: number; headName: string };
  alternatives: { member: { id: number; name: string }; freeSlots: number }[];
}
interface Suggestions {
  suggestions: Suggestion[];
  shortfall: unknown[];
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
  naturalVillageName: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface MemberRow extends Member {
  naturalVillageCode: string;
}

/** Free slots of a village: each active member's capacity less their current pairings. */
async function freeSlotsIn(village: string): Promise<number> {
  const members = await apiGet<{ items: MemberRow[] }>(`/members?within=${village}&status=active&pageSize=100`);
  let free = 0;
  for (const m of members.items.filter((x) => x.capacity > 0)) {
    const paired = await apiGet<{ total: number }>(`/pairings?memberId=${m.id}`);
    free += Math.max(0, m.capacity - paired.total);
  }
  return free;
}

/**
 * The demo seed pairs every household needing help, so the journeys register new ones (synthetic) in a natural
 * village whose village still has members with free slots; these then need a helper and are suggested.
 */
async function villageNeedingHelpers(households: number): Promise<{ village: string; ids: number[] }> {
  const members = await apiGet<{ items: MemberRow[] }>('/members?status=active&sort=-capacity&pageSize=100');
  const tried = new Set<string>();
  for (const member of members.items) {
    const village = member.naturalVillageCode.slice(0, 12);
    if (tried.has(village)) continue;
    tried.add(village);
    if ((await freeSlotsIn(village)) < households + 3) continue;
    const ids: number[] = [];
    for (let n = 81; n < 81 + households; n++) {
      const body = buildHousehold(n, {
        registryNo: `E2E-PAIR-${n}`,
        naturalVillageCode: member.naturalVillageCode,
        address: `${member.naturalVillageName} ${n} 号`,
      });
      const res = await apiPost('/households', body);
      if (res.status !== 201) throw new Error(`household ${n}: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: number }).id);
    }
    return { village, ids };
  }
  throw new Error('no village with free member slots');
}

let setup: Promise<{ village: string; ids: number[] }> | undefined;
/** One village for both journeys (the households are registered once). */
const sharedVillage = () => {
  setup ??= villageNeedingHelpers(7);
  return setup;
};

/** The village's suggestions; every one is for a household registered above (the seed paired the rest). */
async function suggestionsOf(village: string): Promise<Suggestion[]> {
  const own = await apiGet<Suggestions>(`/pairings/suggestions?within=${village}&pageSize=100`);
  expect(own.suggestions.length).toBeGreaterThan(0);
  return own.suggestions;
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
  const { village, ids } = await sharedVillage();
  const suggestion = (await suggestionsOf(village))[0]!;
  expect(ids).toContain(suggestion.household.id);
  const householdId = suggestion.household.id;
  // 0. On a phone the suggestions are cards, and the page never scrolls sideways.
  const phone = await openPage(browser, PHONE);
  await phone.page.goto(`${baseUrl()}/pairing-suggestions?scope=${village}`);
  await phone.page.getByTestId(`accept-${householdId}`).waitFor();
  expect(await phone.page.locator('.card-list .list-card').count()).toBeGreaterThan(0);
  expect(await scrollWidth(phone.page)).toBeLessThanOrEqual(PHONE.width);
  await screenshot(phone.page, 'pairing-0-phone');
  await phone.page.context().close();
  expect(phone.errors).toEqual([]);

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
  // Measures first (帮扶措施): saved through the dialog, read back through the API.
  await page.getByTestId(`measures-${first.id}`).click();
  const measures = page.getByTestId('measures-dialog');
  await measures.getByLabel('帮扶措施').fill('协调医疗救助，每月走访一次');
  await page.getByTestId('measures-dialog-ok').click();
  await measures.waitFor({ state: 'detached' });
  expect((await apiGet<PairingItem & { measures: string }>(`/pairings/${first.id}`)).measures).toBe(
    '协调医疗救助，每月走访一次',
  );
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

test('swap a member, reject a pair, see a 422 on its row after a concurrent confirmation, accept rows in bulk', async () => {
  const { village } = await sharedVillage();
  const own = { suggestions: await suggestionsOf(village) };
  const swapped = own.suggestions.find((s) => s.alternatives.length > 0)!;
  expect(swapped).toBeDefined();
  const alternative = swapped.alternatives.find((a) => a.freeSlots > 0) ?? swapped.alternatives[0]!;
  // Two more rows whose members the swap does not touch.
  const untouched = new Set([swapped.member.id, alternative.member.id]);
  const [rejected] = own.suggestions.filter((s) => s !== swapped && !untouched.has(s.member.id));
  expect(rejected).toBeDefined();
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/pairing-suggestions?scope=${village}`);
  await page.getByTestId('pairing-summary').waitFor();

  // Swap: the alternative replaces the suggested member on the row, and accepting pairs the alternative.
  await page.getByTestId(`swap-${swapped.household.id}`).click();
  const swapDialog = page.locator('.ant-modal', { hasText: swapped.household.headName });
  await swapDialog.locator('.ant-list-item', { hasText: alternative.member.name }).getByRole('button').click();
  const cell = page.getByTestId(`suggested-member-${swapped.household.id}`);
  expect(await cell.textContent()).toContain(alternative.member.name);
  expect(await cell.textContent()).toContain('已换人');
  await screenshot(page, 'pairing-5-swapped');
  await page.getByTestId(`accept-${swapped.household.id}`).click();
  await page.locator('.pairing-outcome.ant-alert-success').waitFor();
  const pairs = await apiGet<{ items: PairingItem[] }>(`/pairings?householdId=${swapped.household.id}`);
  expect(pairs.items.map((p) => p.member.id)).toEqual([alternative.member.id]);

  // Reject with a reason: that pair is not suggested again.
  await page.getByTestId(`reject-${rejected!.household.id}`).click();
  const rejectDialog = page.getByTestId('reject-dialog');
  await rejectDialog.getByLabel('拒绝理由').fill('两家有亲属关系');
  await page.getByTestId('reject-dialog-ok').click();
  await rejectDialog.waitFor({ state: 'detached' });
  const after = await apiGet<Suggestions>(`/pairings/suggestions?within=${village}&pageSize=100`);
  expect(
    after.suggestions.some((s) => s.household.id === rejected!.household.id && s.member.id === rejected!.member.id),
  ).toBe(false);

  // Someone else confirms a pair while the page shows it: accepting it again shows the 422 on its row. (The
  // rejection re-solved the village, so the row's pair is read again after the reload.)
  await page.reload();
  const stale = (await suggestionsOf(village)).find((s) => s.household.id !== swapped.household.id)!;
  const staleAccept = page.getByTestId(`accept-${stale.household.id}`);
  await staleAccept.waitFor();
  expect(await page.getByTestId(`suggested-member-${stale.household.id}`).textContent()).toContain(stale.member.name);
  const today = await businessToday();
  const confirmed = await apiPost('/pairings/confirm', {
    startOn: today,
    pairs: [{ memberId: stale.member.id, householdId: stale.household.id }],
  });
  expect(confirmed.status).toBe(201);
  await staleAccept.click();
  await page.locator('.pairing-row-problem').first().waitFor();
  await page.locator('.pairing-outcome.ant-alert-error').waitFor();
  await screenshot(page, 'pairing-6-row-problem');

  // Reload, then select the first rows and accept them together.
  await page.locator('.pairing-outcome').getByRole('button', { name: '重新加载' }).click();
  await staleAccept.waitFor({ state: 'detached' });
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const count = Math.min(2, await rows.count());
  expect(count).toBeGreaterThan(0);
  const chosen: number[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    chosen.push(Number(await row.getAttribute('data-row-key')));
    await row.locator('.ant-checkbox-input').check();
  }
  await page.getByTestId('accept-selected').click();
  await page.locator('.pairing-outcome.ant-alert-success').waitFor();
  for (const householdId of chosen) {
    const helpers = await apiGet<{ total: number }>(`/pairings?householdId=${householdId}`);
    expect(helpers.total).toBe(1);
  }
  expect(errors).toEqual([]);
});

test('a village whose households all have a helper shows the empty state', async () => {
  const { village: busy } = await sharedVillage();
  const members = await apiGet<{ items: MemberRow[] }>('/members?status=active&pageSize=100');
  const villages = [...new Set(members.items.map((x) => x.naturalVillageCode.slice(0, 12)))].filter((v) => v !== busy);
  let paired: string | undefined;
  for (const village of villages) {
    const own = await apiGet<Suggestions>(`/pairings/suggestions?within=${village}`);
    if (own.suggestions.length === 0 && own.shortfall.length === 0) {
      paired = village;
      break;
    }
  }
  expect(paired).toBeDefined();
  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/pairing-suggestions?scope=${paired}`);
  await page.getByText('范围内需帮扶的户都已有帮扶责任人。').waitFor();
  expect(await page.getByTestId('accept-selected').count()).toBe(0);
  expect(errors).toEqual([]);
});
