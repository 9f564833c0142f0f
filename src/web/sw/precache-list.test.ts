import { describe, expect, test } from 'vitest';
import { type BundleFile, precacheList } from './precache-list.ts';

const bundle: BundleFile[] = [
  { fileName: 'index.html' },
  {
    fileName: 'assets/index-a1.js',
    isEntry: true,
    facadeModuleId: '/app/src/web/main.tsx',
    imports: ['assets/react-b2.js', 'assets/antd-c3.js'],
    css: ['assets/index-d4.css'],
  },
  { fileName: 'assets/react-b2.js', imports: [] },
  { fileName: 'assets/antd-c3.js', imports: ['assets/react-b2.js'] },
  {
    fileName: 'assets/help-record-page-e5.js',
    facadeModuleId: '/app/src/web/pages/help/help-record-page.tsx',
    imports: ['assets/antd-pages-f6.js', 'assets/react-b2.js'],
    css: ['assets/help-record-page-g7.css'],
  },
  { fileName: 'assets/antd-pages-f6.js', imports: ['assets/antd-c3.js'] },
  { fileName: 'assets/echarts-h8.js', facadeModuleId: null },
  { fileName: 'assets/household-page-i9.js', facadeModuleId: '/app/src/web/pages/households/household-page.tsx' },
  { fileName: 'sw.js' },
];

describe('precache list', () => {
  test('index.html, the entry and the offline pages with their static imports and CSS; nothing else', () => {
    expect(precacheList(bundle, [/\/pages\/help\/help-record-page\.tsx$/])).toEqual([
      '/index.html',
      '/assets/antd-c3.js',
      '/assets/antd-pages-f6.js',
      '/assets/help-record-page-e5.js',
      '/assets/help-record-page-g7.css',
      '/assets/index-a1.js',
      '/assets/index-d4.css',
      '/assets/react-b2.js',
    ]);
  });

  test('without offline pages: the shell alone', () => {
    expect(precacheList(bundle, [])).toEqual([
      '/index.html',
      '/assets/antd-c3.js',
      '/assets/index-a1.js',
      '/assets/index-d4.css',
      '/assets/react-b2.js',
    ]);
  });

  test('Windows paths in module ids match too', () => {
    const windows = bundle.map((f) =>
      f.facadeModuleId ? { ...f, facadeModuleId: f.facadeModuleId.replaceAll('/', '\\') } : f,
    );
    expect(precacheList(windows, [/\/pages\/help\/help-record-page\.tsx$/])).toContain(
      '/assets/help-record-page-e5.js',
    );
  });
});
