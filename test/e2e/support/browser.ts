/**
 * Chromium through playwright-core (Debian's /usr/bin/chromium), one browser per test file, and helpers the
 * journeys share: open a page of the app, read the API directly, save a screenshot under test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const baseUrl = () => inject('baseUrl');
export const COUNTY = '340822';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** The demo county admin (seeded by `seed --demo`), whom the journeys act as unless they log in themselves. */
export const DEMO_ADMIN = 'demo_county_admin';
export const DEMO_PASSWORD = 'lianxin2026';

let adminCookies: Promise<Record<string, string>> | undefined;

/** Logs in through the API (once per test file: login is rate-limited per IP) and returns the cookies. */
export function loginCookies(username = DEMO_ADMIN): Promise<Record<string, string>> {
  const go = async () => {
    const res = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: username, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const cookies: Record<string, string> = {};
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) cookies[name.trim()] = value.join('=');
    }
    return cookies;
  };
  if (username !== DEMO_ADMIN) return go();
  adminCookies ??= go();
  return adminCookies;
}

/**
 * A fresh context (own localStorage) and page at this size, signed in as `username` (the demo county admin by
 * default) unless `signedIn: false`; browser errors fail the journey.
 */
export async function openPage(
  browser: Browser,
  viewport = DESKTOP,
  options: { signedIn?: boolean; username?: string } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  if (options.signedIn !== false) {
    const cookies = await loginCookies(options.username);
    await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: baseUrl() })));
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A 4xx the journey provokes on purpose is logged by the browser as a failed resource: not an app error.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  return { page, errors };
}

/** The login cookies as one `cookie` request header. */
const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

/** GET an API path of the demo county, as the demo county admin. */
export async function apiGet<T>(path: string): Promise<T> {
  const cookie = cookieHeader(await loginCookies());
  const res = await fetch(`${baseUrl()}/api/counties/${COUNTY}${path}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * POST to an API path of the demo county as the demo county admin: a write made "by someone else" while a journey
 * has the page open. Returns the response unread, since journeys also assert refusals (409, 422).
 */
export async function apiPost(path: string, body: unknown): Promise<Response> {
  const cookies = await loginCookies();
  return fetch(`${baseUrl()}/api/counties/${COUNTY}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: cookieHeader(cookies),
      'x-csrf-token': decodeURIComponent(cookies.lianxin_csrf ?? ''),
    },
    body: JSON.stringify(body),
  });
}

let today: Promise<string> | undefined;

/**
 * The server's business date (YYYY-MM-DD): the demo clock's 2020-12-31 on the demo. Journeys date their steps by
 * it (visits, exits, pairings, income years), never by the machine's clock, which the server would call the future.
 */
export function businessToday(): Promise<string> {
  today ??= (async () => {
    const cookie = cookieHeader(await loginCookies());
    const res = await fetch(`${baseUrl()}/api/auth/me`, { headers: { cookie } });
    if (!res.ok) throw new Error(`GET /api/auth/me: ${res.status}`);
    return ((await res.json()) as { today: string }).today;
  })();
  return today;
}

/** Saves a full-page screenshot as test-results/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/e2e', { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0)); // a sticky header would otherwise land mid-picture
  await page.screenshot({ path: `test-results/e2e/${name}.png`, fullPage: true });
}

/** Width of the page's content, for the no-horizontal-scroll check on phones. */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * Picks `label` in the antd Select that `trigger` opens (null: already open) and waits for its list to close. A click that lands while
 * the list is still opening can leave it open (seen in CI); the option is then clicked again (a single Select
 * closes on its selected option too).
 */
export async function pickOption(page: Page, trigger: Locator | null, label: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await trigger?.click(); // null: the list is open already
  for (let attempt = 0; attempt < 3; attempt++) {
    await open.locator('.ant-select-item-option', { hasText: label }).first().click();
    try {
      await open.first().waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch {
      // still open: click the option again
    }
  }
  throw new Error(`the list with "${label}" did not close`);
}

/** How many help records wait in the phone's offline queue (IndexedDB). */
export function queuedHelpRecords(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('lianxin-offline', 1);
        open.onsuccess = () => {
          const count = open.result.transaction('help-queue').objectStore('help-queue').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
}
