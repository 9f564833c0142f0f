/**
 * Approves or rejects a requested manual item (point_adjustment) or recorded veto (star_veto). The decider holds
 * party.review where the member is and is not the requester (422). An approved item or veto counts from the next
 * recompute; the member's page shows an approved bonus at once.
 */
import type { Kysely } from 'kysely';
import { lockRequest, decideRequest as storeDecision } from '../../db/repositories/assessment.ts';
import type { Database } from '../../db/schema.ts';
import { chinaDateOf } from '../../domain/dates.ts';
import { AppError } from '../../domain/errors.ts';
import { currentContext } from '../audit/request-context.ts';
import { write } from '../write.ts';
import { assertNotRequester, refuse } from './assessment-rules.ts';

export type RequestKind = 'adjustment' | 'veto';

const TABLES = { adjustment: 'point_adjustment', veto: 'star_veto' } as const;
const ACTIONS = {
  adjustment: { approved: 'assessment.adjustment_approve', rejected: 'assessment.adjustment_reject' },
  veto: { approved: 'assessment.veto_approve', rejected: 'assessment.veto_reject' },
} as const;

export async function decideRequest(
  db: Kysely<Database>,
  county: string,
  kind: RequestKind,
  id: number,
  unit: (memberId: number) => Promise<string | null>,
  decision: 'approved' | 'rejected',
  today: string = chinaDateOf(),
): Promise<{ id: number; status: 'approved' | 'rejected' }> {
  const actorId = currentContext().actorId;
  return write(db, county, async (ctx) => {
    const row = await lockRequest(ctx.tx, TABLES[kind], county, id);
    const where = row ? await unit(Number(row.member_id)) : null;
    if (!row || where === null) throw AppError.notFound({ zh: '申请', en: 'Request' });
    if (row.status !== 'pending') {
      throw refuse('decision', 'decided', { zh: '该申请已审批', en: 'This request was already decided' });
    }
    assertNotRequester(row.requested_by === null ? null : Number(row.requested_by), actorId);
    await storeDecision(ctx.tx, TABLES[kind], county, id, { status: decision, decided_by: actorId, decided_on: today });
    ctx.audit({
      action: ACTIONS[kind][decision],
      table: TABLES[kind],
      recordId: id,
      orgCode: where,
      diff: { status: ['pending', decision] },
    });
    ctx.changed('assessment');
    return { id, status: decision };
  });
}
