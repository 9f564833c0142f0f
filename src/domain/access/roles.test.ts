import { describe, expect, it } from 'vitest';
import { ROLE_CODES } from '../../shared/schemas/access.ts';
import { type Grant, inScope, narrowWithin, ROLE_PERMISSIONS, ROLES, scopeRoots } from './roles.ts';

const grants: Grant[] = [
  { role: 'village_secretary', countyCode: '340822', orgCode: '340822100201' },
  { role: 'auditor', countyCode: '340822', orgCode: '340822' },
];

describe('scopes', () => {
  it('gives each permission only where the granting role holds it', () => {
    expect(scopeRoots(grants, 'household.write')).toEqual(['340822100201']);
    expect(scopeRoots(grants, 'household.read')).toEqual(['340822']);
    expect(scopeRoots(grants, 'audit.read')).toEqual(['340822']);
    expect(scopeRoots(grants, 'household.sensitive', '340823')).toEqual([]);
  });
  it('tests subtrees by code prefix', () => {
    expect(inScope('340822100201001', ['340822100201'])).toBe(true);
    expect(inScope('340822100202001', ['340822100201'])).toBe(false);
  });
  it('narrows a list request to the scope', () => {
    const roots = ['340822100'];
    expect(narrowWithin(undefined, roots)).toBe('340822100');
    expect(narrowWithin('340822', roots)).toBe('340822100');
    expect(narrowWithin('340822100201', roots)).toBe('340822100201');
    expect(narrowWithin('340822101', roots)).toBeNull();
    expect(narrowWithin(undefined, [])).toBeNull();
  });
  it('keeps the auditor read-only', () => {
    expect([...ROLE_PERMISSIONS.auditor].some((p) => p.endsWith('.write') || p.endsWith('.sensitive'))).toBe(false);
  });
});

it('lists the same roles in the shared schemas as in the domain, in the same order', () => {
  expect([...ROLE_CODES]).toEqual([...ROLES]);
});
