import { describe, expect, test } from 'vitest';
import { strategyFor } from './strategy.ts';

const ORIGIN = 'https://lianxin.example';
const get = (path: string, mode = 'cors') => strategyFor({ method: 'GET', url: `${ORIGIN}${path}`, mode }, ORIGIN);

describe('service worker strategy', () => {
  test('page loads go network first with the app as fallback, whatever the app route', () => {
    expect(get('/help/new?householdId=12', 'navigate')).toBe('navigation');
    expect(get('/', 'navigate')).toBe('navigation');
  });

  test('hashed build files are cache first', () => {
    expect(get('/assets/index-BuIApdIY.js')).toBe('asset');
    expect(get('/assets/help-record-page-Bbh5MUCE.css')).toBe('asset');
  });

  test('only the reads the help form renders from are kept for offline use', () => {
    expect(get('/api/auth/me')).toBe('api');
    expect(get('/api/dictionaries')).toBe('api');
    expect(get('/api/counties/340822/commitments/members/77/households')).toBe('api');
    expect(get('/api/counties/340822/households/12/help-choices')).toBe('api');
  });

  test('sensitive and other API reads are never kept: household records and lists, members, persons, timelines', () => {
    for (const path of [
      '/api/counties/340822/households/12',
      '/api/counties/340822/households/12/sensitive',
      '/api/counties/340822/households?within=340822100&q=张',
      '/api/counties/340822/households/12/timeline',
      '/api/counties/340822/members/77',
      '/api/counties/340822/pairings?householdId=12&status=current',
      '/api/counties/340822/help-records',
      '/api/counties/340822/households/12/help-choices/extra',
      '/api/auth/me/anything',
      '/api/counties/340822/dashboard',
    ]) {
      expect(get(path), path).toBe('bypass');
    }
  });

  test('writes are never intercepted, not even to the form-rendering paths', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const url = `${ORIGIN}/api/counties/340822/help-records`;
      expect(strategyFor({ method, url, mode: 'cors' }, ORIGIN)).toBe('bypass');
      expect(strategyFor({ method, url: `${ORIGIN}/api/auth/me`, mode: 'cors' }, ORIGIN)).toBe('bypass');
    }
  });

  test('the server pages opened in a tab, /sw.js itself and other origins are left alone', () => {
    expect(get('/docs', 'navigate')).toBe('bypass');
    expect(get('/api/counties/340822/households/12', 'navigate')).toBe('bypass');
    expect(get('/sw.js')).toBe('bypass');
    expect(strategyFor({ method: 'GET', url: 'https://tiles.example/a.png', mode: 'no-cors' }, ORIGIN)).toBe('bypass');
  });
});
