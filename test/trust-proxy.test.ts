/**
 * Behind a reverse proxy: with the proxy trusted (LIANXIN_TRUST_PROXY), the audit trail and the per-IP limits see
 * the client's address from X-Forwarded-For; without it, a client cannot claim another address.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { createPlaces, postMember } from './factories.ts';

const NV = '340822100201001';
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

/** Creates a member through a "proxy" that adds X-Forwarded-For; the ip its audit entry recorded. */
async function auditedIp(trustProxy: string | false): Promise<string | null> {
  const t = await createTestApp({ trustProxy });
  apps.push(t);
  await createPlaces(t);
  const viaProxy: TestApp = {
    ...t,
    inject: (opts) => t.inject({ ...opts, headers: { ...opts.headers, 'x-forwarded-for': '203.0.113.7' } }),
  };
  const id = await postMember(viaProxy, 1, NV);
  const entry = await t.database.db
    .selectFrom('audit_log')
    .select('ip')
    .where('table_name', '=', 'party_member')
    .where('record_id', '=', String(id))
    .executeTakeFirstOrThrow();
  return entry.ip;
}

describe('trusted proxy', () => {
  it('records the forwarded client address only when the proxy is trusted', async () => {
    expect(await auditedIp('loopback')).toBe('203.0.113.7');
    expect(await auditedIp(false)).toBe('127.0.0.1');
  });
});
