/**
 * The dictionary table (seeded by migration) is the one place for labels; the domain keeps the codes its
 * rules depend on, with the same labels for its messages. This keeps the two from drifting apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_LABELS, CODES, type CodeKind } from '../src/domain/codes.ts';
import { listDictionary } from '../src/services/dictionary.ts';
import { createTestApp, type TestApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ divisions: false });
});
afterAll(async () => t?.close());

const TABLE_KIND: Record<CodeKind, string> = {
  cause: 'cause',
  attribute: 'attribute',
  health: 'health',
  labour: 'labour',
  schoolStatus: 'school_status',
  relation: 'relation',
};

describe('dictionary', () => {
  it.each(Object.keys(CODES) as CodeKind[])('holds the domain codes and labels of %s, in order', async (kind) => {
    const rows = await listDictionary(t.database.db, TABLE_KIND[kind]);
    const labels = CODE_LABELS[kind] as Record<string, { zh: string; en: string }>;
    const expected = CODES[kind].map((code) => ({ kind: TABLE_KIND[kind], code, ...labels[code] }));
    expect(rows).toEqual(expected);
  });

  it('serves every kind over the API with both languages', async () => {
    const res = await t.inject({ url: '/api/dictionaries?kind=expertise' });
    expect(res.statusCode).toBe(200);
    const rows = res.json() as Array<{ code: string; zh: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.find((r) => r.code === 'medical')?.zh).toBe('医疗卫生');
  });
});
