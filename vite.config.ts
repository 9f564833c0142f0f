/**
 * The web app's build (`npm run build`, and `lianxin serve` when dist/web is stale) and dev server (`npm run dev`).
 * Pages are lazy routes; react, antd and echarts go to their own chunks so a deploy that changes only app code
 * leaves the big vendor files cached, and echarts is fetched only by pages that draw charts.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import { type BundleFile, precacheList } from './src/web/sw/precache-list.ts';

const API = process.env.LIANXIN_API ?? 'http://localhost:3000';

const nodeModule = (names: string) => new RegExp(`node_modules[\\\\/](${names})[\\\\/]`);
const ANTD = nodeModule('antd|@ant-design|@rc-component|@babel|dayjs|@emotion|stylis|classnames|clsx');

/**
 * Vendor chunks, highest priority first. antd is split in two: the part the shell itself needs (first screen,
 * tag $initial) and the rest, grouped by which lazy pages use it, so the first screen does not download the
 * tables, forms and date pickers of the registry pages. Groups under 2 KB are merged: at 20 KB the merge put
 * form and input code in the chunk holding Statistic, adding ~40 KB gzip to the dashboard's first screen, and at
 * 5 KB (with the pairing pages) it put ~10 KB of their antd code there.
 */
const vendorGroups = [
  // Run before react and antd (src/web/app/early-requests.ts): the first screen's requests and its dependency-free helpers.
  {
    name: 'early',
    test: /src[\\/]web[\\/](app[\\/]early-requests|i18n[\\/]stored-lang|scope[\\/]scope-code)\.ts$/,
    priority: 60,
  },
  { name: 'react', test: nodeModule('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'), priority: 50 },
  { name: 'echarts', test: nodeModule('echarts|zrender|tslib'), priority: 40 },
  { name: 'query', test: nodeModule('@tanstack'), priority: 30 },
  { name: 'antd', test: ANTD, tags: ['$initial' as const], priority: 20 },
  { name: 'antd-pages', test: ANTD, entriesAware: true, entriesAwareMergeThreshold: 2_000, priority: 10 },
];

/**
 * Writes .br and .gz beside every text asset, so the server (@fastify/static preCompressed) sends phones in
 * weak-signal villages a fraction of the bytes without compressing on each request.
 */
function precompress(): Plugin {
  return {
    name: 'lianxin-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? '.';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName)) continue;
        const path = join(outDir, fileName);
        const data = readFileSync(path);
        if (data.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }));
      }
    },
  };
}

/**
 * Lazy pages the service worker precaches with the shell: the help form. (The shell's scope selector shows its
 * placeholder until its tree loads, which needs the org-unit API, not cached, anyway.)
 */
const OFFLINE_MODULES = [/\/pages\/help\/help-record-page\.tsx$/];

/**
 * Emits /sw.js (src/web/sw/sw.ts) after the app's bundle, as one classic script (an ES-module worker is missing on
 * older phone browsers), with the precache list taken from this bundle and a build hash naming its cache.
 */
function serviceWorker(): Plugin {
  return {
    name: 'lianxin-service-worker',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const files: BundleFile[] = Object.values(bundle).map((file) =>
        file.type === 'chunk'
          ? {
              fileName: file.fileName,
              isEntry: file.isEntry,
              facadeModuleId: file.facadeModuleId,
              imports: file.imports,
              css: [...(file.viteMetadata?.importedCss ?? [])],
            }
          : { fileName: file.fileName },
      );
      const precache = precacheList(files, OFFLINE_MODULES);
      const names = Object.keys(bundle).sort().join('\n');
      const html = bundle['index.html'];
      const hash = createHash('sha256')
        .update(names)
        .update(html?.type === 'asset' ? String(html.source) : '')
        .digest('hex')
        .slice(0, 12);
      const out = (await build({
        configFile: false,
        logLevel: 'warn',
        define: { __PRECACHE__: JSON.stringify(precache), __BUILD__: JSON.stringify(hash) },
        build: {
          write: false,
          minify: true,
          lib: { entry: 'src/web/sw/sw.ts', formats: ['iife'], name: 'lianxinServiceWorker', fileName: () => 'sw.js' },
        },
      })) as Rolldown.RolldownOutput[];
      const code = out[0]?.output[0]?.code;
      if (!code) throw new Error('the service worker build produced no code');
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
      this.info(`sw.js: ${precache.length} files precached, build ${hash}`);
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react(), serviceWorker(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
        // entriesAware chunks are named after every page that shares them; a short name is enough.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('antd-pages') ? 'assets/antd-pages-[hash].js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    proxy: {
      // The app's own modules live under src/web/api/ and so are served at /api/*.ts: those stay with Vite.
      '^/api/(?![^?]*\\.tsx?(\\?|$))': API,
      '/docs': API,
      '/openapi.json': API,
    },
  },
});
