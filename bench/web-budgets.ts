/**
 * Web budgets of the dashboard, one JSON line each (`node bin/run-ts.js bench/web-budgets.ts`):
 * (a) JavaScript the first screen needs, gzip and brotli bytes, from dist/web (the HTML's script and
 *     modulepreload tags, then the static imports of the dashboard's lazy chunk and of its ECharts chunk);
 * (b) time from navigation to the first dashboard render with data in headless Chromium, cold cache, median of 5,
 *     against the full demo county: `dashboard-ready` is on the page (the scope's figures are the current ones and
 *     its map is drawn), the headline cards carry their numbers and the map's canvas exists. The units' chart, the
 *     figure charts and the table are drawn after the map and are not waited for;
 * (c) GET /dashboard latency (1 connection) and throughput (10 connections) for the county and a township,
 *     beside a route computing the same body from the registries without the summary, on the same server.
 * The server is this file run with --server (real app plus the raw route), in its own process.
 * BENCH_SECONDS (default 5) per load; BENCH_BACKENDS (default pglite); WEB_BENCH_DATA_DIR reuses a seeded PGlite.
 */
import { fork, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freshDatabase, postgresAvailable } from './lib/databases.ts';
import { type LoadResult, runLoad } from './lib/load.ts';
import { rssMbOf } from './lib/server-process.ts';

const COUNTY = '340822';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist/web');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
type Line = Record<string, unknown>;
/** The bench admin's session cookie (the app and its API need a login). */
type Session = { name: string; value: string };

if (process.argv.includes('--server')) {
  // Child: the real app on the benchmark database, plus the summary-free reference route.
  const { databaseOptionsFromEnv, openDatabase } = await import('../src/db/kysely.ts');
  const { migrateToLatest } = await import('../src/db/migrate.ts');
  const { buildApp } = await import('../src/http/app.ts');
  const { getDashboardFromRegistries } = await import('../src/services/dashboard/get-dashboard.ts');
  const { benchSession } = await import('./lib/bench-session.ts');
  const database = await openDatabase({ ...databaseOptionsFromEnv(), pgliteThread: 'worker', poolSize: 10 });
  await migrateToLatest(database.db);
  const app = await buildApp({ database, logger: false });
  app.get('/bench/raw/dashboard', async (req) => {
    const scope = (req.query as { scope?: string }).scope ?? COUNTY;
    return getDashboardFromRegistries(database.db, COUNTY, scope);
  });
  const session = await benchSession(database.db, COUNTY);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0, session });
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
} else {
  await main();
}

/** Files of dist/web a chunk needs before it runs: its static imports, transitively. */
function staticClosure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !existsSync(join(DIST, file))) continue;
    seen.add(file);
    const text = readFileSync(join(DIST, file), 'utf8');
    // `import{x}from"./a.js"` and `import"./a.js"`; `import("./a.js")` (lazy) does not match.
    for (const m of text.matchAll(/import\s*(?:[\w$*{},\s]+?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(join(file, '..', m[1] as string));
    }
  }
  return seen;
}

function sizeLine(name: string, files: Set<string>): Line {
  const gzip = [...files].reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
  const br = [...files].reduce(
    (n, f) => n + (existsSync(join(DIST, `${f}.br`)) ? statSync(join(DIST, `${f}.br`)).size : 0),
    0,
  );
  return { name, files: files.size, gzip_bytes: gzip, gzip_kb: Math.round(gzip / 102.4) / 10, br_bytes: br || null };
}

/** (a) First-screen JavaScript: shell, shell + dashboard page, shell + dashboard + ECharts. */
function firstScreenBudgets(): Line[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)];
  const shell = staticClosure(tags.map((m) => m[1] as string));
  // Lazy chunks are found by name (no manifest needed): Vite names them after their source file.
  const assets = (prefix: string) =>
    readdirSync(join(DIST, 'assets'))
      .filter((f) => f.startsWith(prefix) && f.endsWith('.js'))
      .map((f) => `assets/${f}`);
  const dashboard = new Set([...shell, ...staticClosure(assets('dashboard-page-'))]);
  const withCharts = new Set([...dashboard, ...staticClosure(assets('echarts-setup-'))]);
  return [
    sizeLine('web_first_screen_js_shell', shell),
    sizeLine('web_first_screen_js_dashboard', dashboard),
    sizeLine('web_first_screen_js_dashboard_with_echarts', withCharts),
  ];
}

/** (b) Navigation start → dashboard-ready, cold cache each run. */
async function firstRender(url: string, session: Session, runs = 5): Promise<Line> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const times: number[] = [];
  const dcl: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      await context.addCookies([{ ...session, url }]); // signed in, as a county clerk opening the app would be
      const page = await context.newPage();
      await page.goto(`${url}/`);
      const handle = await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="dashboard-ready"]') &&
          document.querySelector('[data-testid="stat-households"]')?.getAttribute('data-value') &&
          document.querySelector('[data-testid="chart-map"] canvas')
            ? performance.now()
            : false,
        null,
        { polling: 'raf', timeout: 60_000 },
      );
      times.push(Math.round(Number(await handle.jsonValue())));
      const nav = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON());
      dcl.push(Math.round(Number(nav?.domContentLoadedEventEnd ?? 0)));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    name: 'web_first_dashboard_render',
    n: runs,
    p50_ms: median(times),
    max_ms: Math.max(...times),
    runs_ms: times,
    dcl_p50_ms: median(dcl),
  };
}

function loadLine(name: string, backend: string, r: LoadResult, extra: Line = {}): Line {
  const { requests: n, rps, p50_ms, p95_ms, p99_ms } = r;
  return { name, backend, n, rps, p50_ms, p95_ms, p99_ms, errors: r.errors + r.non2xx, ...extra };
}

/** (c) Summary route against the raw route, A B B A so drift falls on both. */
async function dashboardLoads(url: string, session: Session, backend: string): Promise<Line[]> {
  const headers = { cookie: `${session.name}=${session.value}` };
  const township = (await (await fetch(`${url}/api/counties/${COUNTY}/dashboard`, { headers })).json()).children[0]
    .code as string;
  const lines: Line[] = [];
  for (const [label, scope] of [
    ['county', COUNTY],
    ['township', township],
  ] as const) {
    const api = `${url}/api/counties/${COUNTY}/dashboard?scope=${scope}`;
    const raw = `${url}/bench/raw/dashboard?scope=${scope}`;
    const load = (u: string, connections: number) => runLoad({ urls: [u], connections, seconds: SECONDS, headers });
    await load(api, 1); // warm-up: JIT, caches, plans
    const a1 = await load(api, 1);
    const r1 = await load(raw, 1);
    const r2 = await load(raw, 1);
    const a2 = await load(api, 1);
    const [a, r] = [a1.p95_ms > a2.p95_ms ? a1 : a2, r1.p95_ms > r2.p95_ms ? r1 : r2]; // the worse run of each
    const [aRps, rRps] = [await load(api, 10), await load(raw, 10)];
    lines.push(
      loadLine(`dashboard_api_${label}`, backend, a, { connections: 1, rps_10_connections: aRps.rps }),
      loadLine(`dashboard_raw_${label}`, backend, r, {
        connections: 1,
        rps_10_connections: rRps.rps,
        ratio_p95: Math.round((r.p95_ms / a.p95_ms) * 10) / 10,
        ratio_to: `dashboard_api_${label}`,
      }),
    );
  }
  return lines;
}

async function startServer(env: NodeJS.ProcessEnv) {
  const child = fork(join(ROOT, 'bin/run-ts.js'), [fileURLToPath(import.meta.url), '--server'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port, session } = await new Promise<{ port: number; session: Session }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    child.once('message', (m: { port: number; session: Session }) => resolve(m));
  });
  child.removeAllListeners('exit');
  const stop = () =>
    new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { url: `http://127.0.0.1:${port}`, session, rssMb: () => rssMbOf(child.pid as number), stop };
}

function seed(env: NodeJS.ProcessEnv): void {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/lianxin.js'), 'seed', '--demo'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`seed failed (${run.status})`);
}

async function main(): Promise<void> {
  const { ensureWebBuilt } = await import('../src/cli/build-web.ts');
  ensureWebBuilt((line) => console.error(`[web-budgets] ${line}`));
  for (const line of firstScreenBudgets()) console.log(JSON.stringify(line));
  const wanted = (process.env.BENCH_BACKENDS ?? 'pglite').split(',');
  for (const backend of (['pglite', 'postgres'] as const).filter((b) => wanted.includes(b))) {
    if (backend === 'postgres' && !(await postgresAvailable())) continue;
    const reuse = backend === 'pglite' ? process.env.WEB_BENCH_DATA_DIR : undefined;
    const database = reuse
      ? { env: { LIANXIN_DATA_DIR: reuse, DATABASE_URL: '' }, drop: async () => {} }
      : await freshDatabase(backend);
    try {
      if (!reuse) {
        console.error(`[web-budgets] seeding the demo county on ${backend} …`);
        seed(database.env);
      }
      const server = await startServer(database.env);
      try {
        if (backend === 'pglite')
          console.log(JSON.stringify({ ...(await firstRender(server.url, server.session)), backend }));
        for (const line of await dashboardLoads(server.url, server.session, backend)) console.log(JSON.stringify(line));
        console.log(JSON.stringify({ name: 'web_bench_server_rss', backend, rss_mb: server.rssMb() }));
      } finally {
        await server.stop();
      }
    } finally {
      await database.drop();
    }
  }
}
