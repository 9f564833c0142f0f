/**
 * Puts a household flagged by early warning under monitoring (纳入监测): the ordinary status change to
 * 'monitored', effective today, with the caller's reason — appended to the status history and audited in one
 * transaction. A household leaves monitoring only by 'risk_cleared' (never deleted).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { recordStatusChange } from '../households/change-household-status.ts';
import { today } from '../households/household-rules.ts';
import { write } from '../write.ts';

/** Starts monitoring household `id`; 422 when its status cannot move to 'monitored' (e.g. already monitored). */
export async function startMonitoring(db: Kysely<Database>, county: string, id: number, reason: string) {
  if (reason.trim() === '') {
    const message = { zh: '请说明纳入监测的原因', en: 'Say why the household is monitored' };
    throw AppError.rules([{ path: 'reason', code: 'reason_required', message }]);
  }
  const effectiveOn = today();
  const { eventId } = await write(db, county, (ctx) => {
    // The household leaves the warning list.
    ctx.changed('warnings');
    return recordStatusChange(ctx, id, { status: 'monitored', effectiveOn, reason }, 'direct');
  });
  return { householdId: id, status: 'monitored' as const, effectiveOn, eventId };
}
