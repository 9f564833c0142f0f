/**
 * The shell: the first screen stays within its JavaScript budget, the org tree scopes the lists, and a deep link
 * into the app survives a reload (the server answers it with the app).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { WEB_DIST } from '../../src/http/plugins/web-assets.ts';
import { apiGet, baseUrl, launchBrowser, openPage, screenshot } from './support/browser.ts';

const FIRST_SCREEN_BUDGET_KB = 300;
// A registry page adds antd's table, tags and pagination (about 110 KB gzip, cached across pages) to the shell.
const REGISTRY_PAGE_BUDGET_KB = 400;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Gzip (level 9) size in KB of a built file: what any server or CDN would send (ours sends brotli, smaller). */
const gzipKb = (path: string) =>
  gzipSync(readFileSync(`${WEB_DIST}${path.replace(/^\//, '')}`), { level: 9 }).length / 1024;

/** Scripts the browser fetched to show `path` (until `ready` is on screen and the network is idle). */
async function scriptsOf(
  path: string,
  ready: string,
): Promise<{ total: number; sizes: { path: string; kb: number }[] }> {
  const { page } = await openPage(browser);
  const scripts = new Set<string>();
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  await page.goto(`${baseUrl()}${path}`);
  // Lazy page chunks start only after the shell has run, which can outlast a first "network idle".
  await page.locator(ready).first().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  await page.context().close();
  const sizes = [...scripts].map((p) => ({ path: p, kb: gzipKb(p) })).sort((a, b) => b.kb - a.kb);
  const total = sizes.reduce((sum, s) => sum + s.kb, 0);
  console.log(`[e2e] ${path}: ${total.toFixed(1)} KB gzip in ${sizes.length} scripts`);
  for (const s of sizes) console.log(`  ${s.kb.toFixed(1).padStart(7)} KB ${s.path}`);
  return { total, sizes };
}

test(`the shell (entry and its static imports) needs at most ${FIRST_SCREEN_BUDGET_KB} KB of gzipped JS`, () => {
  const html = readFileSync(`${WEB_DIST}index.html`, 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const total = entry.reduce((sum, path) => sum + gzipKb(path), 0);
  console.log(`[e2e] shell: ${total.toFixed(1)} KB gzip in ${entry.length} scripts: ${entry.join(' ')}`);
  expect(entry.some((path) => path.includes('echarts'))).toBe(false);
  expect(total).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_KB);
});

test(`a registry page's first screen needs at most ${REGISTRY_PAGE_BUDGET_KB} KB of gzipped JS`, async () => {
  const { total, sizes } = await scriptsOf('/households', '.ant-table-row');
  expect(sizes.some((s) => s.path.includes('echarts'))).toBe(false);
  expect(total).toBeLessThanOrEqual(REGISTRY_PAGE_BUDGET_KB);
  // The dashboard ("/") with its charts, map and ECharts (lazy chunks after the numbers); logged for comparison.
  await scriptsOf('/', '[data-testid="dashboard-ready"]');
});

test(`the dashboard's first screen (shell, page and its static imports) needs at most ${FIRST_SCREEN_BUDGET_KB} KB of gzipped JS`, () => {
  const html = readFileSync(`${WEB_DIST}index.html`, 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const page = readdirSync(`${WEB_DIST}assets`).filter((f) => /^dashboard-page-.*\.js$/.test(f));
  expect(page).toHaveLength(1);
  // Static imports only (`import{x}from"./a.js"`, `import"./a.js"`): lazy `import("./a.js")` does not match.
  const files = new Set<string>();
  const queue = [...entry, `assets/${page[0]}`];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(`${WEB_DIST}${file}`, 'utf8');
    for (const m of text.matchAll(/import\s*(?:[\w$*{},\s]+?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(posix.join(posix.dirname(file), m[1]!));
    }
  }
  const total = [...files].reduce((sum, path) => sum + gzipKb(path), 0);
  console.log(`[e2e] dashboard first screen: ${total.toFixed(1)} KB gzip in ${files.size} scripts`);
  expect([...files].some((path) => path.includes('echarts'))).toBe(false);
  expect(total).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_KB);
});

test('the org tree scopes the lists, and the scope survives a reload and navigation', async () => {
  const townships = await apiGet<{ items: { code: string; name: string; children: number }[] }>(
    '/org-units?parent=340822&pageSize=100',
  );
  const township = townships.items.find((t) => t.children > 0)!;
  const villages = await apiGet<{ items: { code: string; name: string }[] }>(`/org-units?parent=${township.code}`);
  const village = villages.items[0]!;
  const expected = await apiGet<{ total: number }>(`/households?within=${village.code}&pageSize=1`);

  const { page, errors } = await openPage(browser);
  await page.goto(`${baseUrl()}/households`);
  await page.locator('#scope-selector').click();
  const node = page.locator('.ant-select-tree-treenode', { hasText: township.name });
  await node.locator('.ant-select-tree-switcher').click(); // opens the township: its villages load lazily
  await page.locator('.ant-select-tree-title', { hasText: village.name }).click();
  await page.waitForURL((url) => url.searchParams.get('scope') === village.code);
  await page.locator('.ant-pagination-total-text', { hasText: String(expected.total) }).waitFor();
  await screenshot(page, 'scope-village');

  await page.reload();
  await page.locator('.ant-pagination-total-text', { hasText: String(expected.total) }).waitFor();
  await page.locator('.nav-menu .ant-menu-item', { hasText: '党员' }).click();
  await page.waitForURL((url) => url.pathname === '/members' && url.searchParams.get('scope') === village.code);
  const selected = page.locator('.scope-selector .ant-select-content, .scope-selector .ant-select-selection-item');
  await selected.first().waitFor();
  expect(await selected.first().textContent()).toContain(village.name);
  expect(errors).toEqual([]);
});

test('an unknown page shows a not-found result inside the shell; /api paths stay JSON', async () => {
  const { page } = await openPage(browser);
  const res = await page.goto(`${baseUrl()}/no/such/page`);
  expect(res?.status()).toBe(200);
  await page.getByText('没有这个页面').waitFor();
  const api = await fetch(`${baseUrl()}/api/no-such-route`, { headers: { accept: 'text/html' } });
  expect(api.status).toBe(404);
  expect(((await api.json()) as { code: string }).code).toBe('not_found');
});
