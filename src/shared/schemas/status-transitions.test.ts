import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../services/households/change-household-status.ts';
import { STATUS_TRANSITIONS } from './household.ts';

describe('STATUS_TRANSITIONS (what the web offers)', () => {
  it('equals the rule the service enforces', () => {
    expect(STATUS_TRANSITIONS).toEqual(TRANSITIONS);
  });
});
