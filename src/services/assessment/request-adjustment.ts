/** Requests a manual bonus or deduction (加减分) for a member's year, with its reason; someone else approves it. */
import type { Kysely } from 'kysely';
import { insertAdjustment } from '../../db/repositories/assessment.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { refuse } from './assessment-rules.ts';

export interface AdjustmentInput {
  year: number;
  kind: 'bonus' | 'deduction';
  points: number;
  reason: string;
}

export async function requestAdjustment(
  db: Kysely<Database>,
  county: string,
  memberId: number,
  unit: string,
  input: AdjustmentInput,
  today: string = chinaDateOf(),
): Promise<{ id: number }> {
  const reason = input.reason.trim();
  if (reason === '') throw refuse('reason', 'blank', { zh: '须写明加减分理由', en: 'A reason is required' });
  if (input.year > Number(today.slice(0, 4))) {
    throw refuse('year', 'future', { zh: '不能为未来年度加减分', en: 'Not for a future year' });
  }
  return write(db, county, async (ctx) => {
    const id = await insertAdjustment(ctx.tx, {
      county_code: county,
      member_id: memberId,
      year: input.year,
      kind: input.kind,
      points: input.points,
      reason,
      requested_by: currentContext().actorId,
      requested_on: today,
    });
    ctx.audit({
      action: 'assessment.adjustment_request',
      table: 'point_adjustment',
      recordId: id,
      orgCode: unit,
      diff: {
        memberId: [null, memberId],
        year: [null, input.year],
        kind: [null, input.kind],
        points: [null, input.points],
        reason: [null, reason],
      },
    });
    return { id };
  });
}
