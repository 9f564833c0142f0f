import { describe, expect, it } from 'vitest';
import { type AuditEntry, canonical, chainHash, diffOf, GENESIS } from './audit.ts';
import { exactInstant } from './verify-audit.ts';

const entry: AuditEntry = {
  countyCode: '340822',
  seq: 1,
  at: '2026-11-29T03:00:00.000Z',
  actorId: 7,
  actor: 'admin',
  action: 'household.update',
  tableName: 'household',
  recordId: '12',
  orgCode: '340822100201001',
  diff: { b: [1, 2], a: [null, 'x'] },
  ip: '127.0.0.1',
  requestId: 'r',
};

describe('audit chain', () => {
  it('hashes the same entry the same whatever the key order (jsonb reorders keys)', () => {
    expect(canonical({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    const reordered = { ...entry, diff: { a: [null, 'x'], b: [1, 2] } };
    expect(chainHash(GENESIS, reordered)).toBe(chainHash(GENESIS, entry));
  });
  it('changes the hash when any field or the previous hash changes', () => {
    const h = chainHash(GENESIS, entry);
    expect(chainHash(GENESIS, { ...entry, actor: 'other' })).not.toBe(h);
    expect(chainHash(h, entry)).not.toBe(h);
  });
  it('diffs only changed fields and masks sensitive values', () => {
    const before = { address: '旧', phone: '13812341234', id_number: '340822197005010011', size: 3 };
    const diff = diffOf(before, { address: '新', phone: '13700001234', size: 3 });
    expect(diff).toEqual({ address: ['旧', '新'], phone: ['138****1234', '137****1234'] });
  });
  it('hashes a stored instant exactly: milliseconds as written, any other microsecond with six digits', () => {
    const written = new Date('2026-11-29T03:00:00.123Z').toISOString();
    expect(exactInstant('2026-11-29T03:00:00.123000Z')).toBe(written);
    expect(exactInstant('2026-11-29T03:00:00.123001Z')).toBe('2026-11-29T03:00:00.123001Z');
    expect(exactInstant('2026-11-29T03:00:00.122999Z')).not.toBe(written);
  });
});
