/**
 * Journey: a village's grids — open the village's grid list and map, open a grid, split a natural village off
 * it, review the partition plan for the village (a non-empty diff), apply it and see the list follow; then the
 * coverage report shows the API's figures. A plan made stale by a later edit says so and can be proposed again.
 * Each step is screenshotted under test-results/e2e/grids-*.png.
 *
 * The journey is four tests on one page, each with its own time budget: as one test its nine steps (two map
 * renders, a partition of the village, a plan applied, leader suggestions) shared one 90-s budget and ran out of it
 * on a loaded 2-core machine although no step was stuck. Each step logs how long it took, so a slow one is named.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiGet, apiPost, baseUrl, launchBrowser, openPage, screenshot } from './support/browser.ts';

interface GridRow {
  id: number;
  name: string;
  villageCode: string;
  naturalVillages: number;
}
interface GridPage {
  items: GridRow[];
  total: number;
}
interface GridDetail {
  naturalVillages: { code: string; name: string; pieces: number }[];
}
interface Coverage {
  totals: { grids: number; groups: number; groupsWithoutLeader: number };
}

let browser: Browser;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser));
});
afterAll(async () => {
  await browser?.close();
});

let stepStarted = Date.now();
/** Screenshots a finished step and logs how long it took since the previous one. */
async function stepDone(name: string): Promise<void> {
  await screenshot(page, name);
  console.log(`[grids] ${name}: ${Date.now() - stepStarted} ms`);
  stepStarted = Date.now();
}

/** Clicks OK on the open Popconfirm (antd spaces two-character Chinese labels, so match the button class). */
async function confirmPopover(page: Page): Promise<void> {
  const ok = page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary');
  await ok.waitFor();
  await ok.click();
}

/** Number of grid rows the table shows (the list is one page: ≤ 20 grids per village). */
async function tableRows(page: Page): Promise<number> {
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
  return page.locator('.ant-table-tbody tr.ant-table-row').count();
}

/** What the steps hand on: the village whose grids are split and re-planned, and the grids after the plan. */
const journey = { village: '', applied: { items: [], total: 0 } as GridPage };

describe.sequential('split a grid, review and apply the village plan, see the grids list and coverage follow', () => {
  test('the village list and map, a grid, and a natural village split off it', async () => {
    // A grid made of two or more whole natural villages, so one can be split off.
    const all = await apiGet<GridPage>('/grids?pageSize=100&sort=name');
    const grid = all.items.find((g) => g.naturalVillages >= 2)!;
    expect(grid).toBeDefined();
    const village = grid.villageCode;
    const detail = await apiGet<GridDetail>(`/grids/${grid.id}`);
    const leaving = detail.naturalVillages.find((n) => n.pieces === 1)!;
    const before = await apiGet<GridPage>(`/grids?within=${village}&pageSize=100`);
    journey.village = village;
    stepStarted = Date.now();
    // 1. The village's grids: the map and the list.
    await page.goto(`${baseUrl()}/grids?scope=${village}`);
    await page.locator('[data-testid="grid-map"] canvas').waitFor();
    expect(await tableRows(page)).toBe(before.total);
    await stepDone('grids-1-village-list');

    // 2. Open the grid from the list.
    await page.locator('.ant-table-tbody a', { hasText: new RegExp(`^${grid.name}$`) }).click();
    await page.waitForURL(`**/grids/${grid.id}?scope=${village}`);
    await page.locator('[data-testid="grid-natural-villages"]', { hasText: leaving.name }).waitFor();
    await stepDone('grids-2-grid-page');

    // 3. Split the natural village off into a new grid (confirmed).
    await page.getByTestId('grid-edit-split').click();
    const dialog = page.locator('.ant-modal');
    await dialog.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option', { hasText: leaving.name }).click();
    await dialog.locator('.ant-modal-title').click(); // close the dropdown before reaching for the footer
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await dialog.getByTestId('grid-edit-submit').click();
    await confirmPopover(page);
    // Either the change is saved, or the dialog shows the server's problem (which fails the journey with its text).
    const outcome = page.locator('[data-testid="grid-edit-done"], .ant-modal .form-problems');
    await outcome.first().waitFor();
    expect(await page.locator('.ant-modal .form-problems').count(), (await outcome.first().textContent()) ?? '').toBe(
      0,
    );
    const afterSplit = await apiGet<GridPage>(`/grids?within=${village}&pageSize=100`);
    expect(afterSplit.total).toBe(before.total + 1);
    await stepDone('grids-3-after-split');
  });

  test('the plan review proposes a change for the village, applies it, and the list follows', async () => {
    const { village } = journey;

    // 4. The plan review for the village, from the menu: propose, see a non-empty diff.
    await page.locator('.nav-menu').getByText('划分方案').click();
    await page.waitForURL(`**/grid-plans?scope=${village}`);
    await page.getByTestId('plan-propose').click();
    const result = page.getByTestId('plan-result');
    await result.waitFor({ timeout: 30_000 });
    const changed = Number(await page.getByTestId('plan-villagesChanged').textContent());
    expect(changed).toBe(1);
    const planned = Number(await page.getByTestId('plan-grids').textContent());
    const villageCard = page.getByTestId(`plan-village-${village}`);
    expect(await villageCard.textContent()).toContain('有变化');
    await stepDone('grids-4-plan-review');

    // 5. Apply it (confirmed): success message.
    await page.getByTestId('plan-apply').click();
    await confirmPopover(page);
    await page.getByTestId('plan-applied').waitFor({ timeout: 30_000 });
    await stepDone('grids-5-plan-applied');

    // 6. The grids list reflects the plan.
    const applied = await apiGet<GridPage>(`/grids?within=${village}&pageSize=100`);
    expect(applied.total).toBe(planned);
    await page.getByTestId('plan-applied').getByRole('button').click();
    await page.waitForURL(`**/grids?scope=${village}`);
    await page.waitForFunction(
      (n) => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === n,
      applied.total,
    );
    await stepDone('grids-6-list-after-apply');
    journey.applied = applied;
  });

  test('a plan made stale by a later edit says so and is proposed again', async () => {
    const { applied } = journey;

    // 7. A plan made stale by a later edit answers 409: the page says so and proposes again on request.
    await page.locator('.nav-menu').getByText('划分方案').click();
    await page.getByTestId('plan-propose').click();
    const stalePlan = await page.getByTestId('plan-result').getAttribute('data-plan-id');
    const twoPlaces = applied.items.find((g) => g.naturalVillages >= 2)!;
    const places = await apiGet<GridDetail>(`/grids/${twoPlaces.id}`);
    const split = await apiPost(`/grids/${twoPlaces.id}/split`, { naturalVillages: [places.naturalVillages[0]!.code] });
    expect(split.status).toBe(200);
    await page.getByTestId('plan-apply').click();
    await confirmPopover(page);
    await page.getByTestId('plan-stale').waitFor();
    await stepDone('grids-7-plan-stale');
    await page.getByTestId('plan-stale').getByRole('button').click();
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="plan-result"]')?.getAttribute('data-plan-id') !== id,
      stalePlan,
    );
    expect(await page.getByTestId('plan-stale').count()).toBe(0);
  });

  test('the coverage report shows the API figures, and a gap leads to its Party group', async () => {
    // 8. The coverage report of the county shows the API's figures.
    const coverage = await apiGet<Coverage>('/grids/coverage');
    await page.goto(`${baseUrl()}/coverage`);
    const grids = page.getByTestId('coverage-grids');
    await grids.waitFor();
    expect(Number(await grids.getAttribute('data-value'))).toBe(coverage.totals.grids);
    expect(Number(await page.getByTestId('coverage-groups').getAttribute('data-value'))).toBe(coverage.totals.groups);
    const withoutLeader = page.getByTestId('coverage-groupsWithoutLeader');
    expect(Number(await withoutLeader.getAttribute('data-value'))).toBe(coverage.totals.groupsWithoutLeader);
    await stepDone('grids-8-coverage');

    // 9. A gap links to its Party group, where a suggested leader is assigned (confirmed).
    const gap = page.getByTestId('coverage-gaps').locator('.ant-col', { hasText: '无组长的党小组（' }).locator('a');
    await gap.first().click();
    await page.waitForURL('**/party-groups/*');
    const leaderCard = page.getByTestId('group-leader');
    await leaderCard.getByText('尚未任命组长').waitFor();
    const candidate = leaderCard.locator('.ant-list-item').first();
    const candidateName = (await candidate.locator('.ant-list-item-meta-title a').textContent()) ?? '';
    await candidate.getByRole('button').click();
    await confirmPopover(page);
    await leaderCard.locator('strong', { hasText: candidateName }).waitFor();
    await stepDone('grids-9-party-group-leader');
    expect(errors).toEqual([]);
  });
});
