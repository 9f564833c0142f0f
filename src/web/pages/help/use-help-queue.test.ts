import { describe, expect, it } from 'vitest';
import type { QueuedRecord } from './offline-store.ts';
import { outcomeOf } from './use-help-queue.ts';

const record = (extra: Partial<QueuedRecord> = {}): QueuedRecord => ({
  clientId: 'c1',
  county: '340822',
  body: { householdId: 1, visitedOn: '2020-12-31', measure: 'employment', content: '走访' },
  headName: '张三',
  photos: [],
  savedAt: '2020-12-31T01:00:00.000Z',
  attempts: 1,
  ...extra,
});

describe('where a saved help record is after the attempt to send it (what the toast says)', () => {
  it('is on the server once it left the queue, or only its photos wait', () => {
    expect(outcomeOf(undefined)).toEqual({ kind: 'stored' });
    expect(outcomeOf(record({ recordId: 7 }))).toEqual({ kind: 'stored' });
  });

  it("is refused, with the server's reason, when the server refused it: never 'saved'", () => {
    expect(outcomeOf(record({ error: '走访日期不能晚于今天' }))).toEqual({
      kind: 'refused',
      reason: '走访日期不能晚于今天',
    });
  });

  it('waits on the device otherwise (no signal, server busy)', () => {
    expect(outcomeOf(record())).toEqual({ kind: 'queued' });
  });
});
