import { describe, expect, it } from 'vitest';
import { DICTIONARY } from '../../db/migrations/2026-11-29-01-dictionary.ts';
import { NEW_HOUSEHOLD_STATUS_ROWS } from '../../db/migrations/2026-12-12-01-monitoring-cases.ts';
import { HOUSEHOLD_STATUS_LABELS, HOUSEHOLD_STATUSES } from './household.ts';

describe('household status labels', () => {
  // The public plaque reads the dictionary's rows, the screens these labels: both must say the same.
  it('equal the migrated dictionary rows of household_status, in order', () => {
    const migrated = [...(DICTIONARY.household_status ?? []), ...NEW_HOUSEHOLD_STATUS_ROWS];
    const rows = migrated.map(([code, zh, en]) => [code, { zh, en }]);
    expect(rows).toEqual(HOUSEHOLD_STATUSES.map((s) => [s, HOUSEHOLD_STATUS_LABELS[s]]));
  });
});
