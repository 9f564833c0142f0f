/**
 * The inspector's review of flagged help records (核查): the queue by scope, and a decision on one flag — cleared
 * with a reason, or upheld: the record is returned (退回), so it counts for nothing (things done and points count
 * verified records only) — audited in the same transaction.
 */
import type { Kysely } from 'kysely';
import { setVerification } from '../../db/repositories/help-records.ts';
import {
  decideFlag,
  type FlagFilter,
  type FlagRow,
  findFlag,
  listFlags,
} from '../../db/repositories/record-flag-list.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { flagReason } from '../../domain/record-trust/flag-reasons.ts';
import type { Confirmation, FlagKind, FlagStatus } from '../../shared/labels/record-trust.ts';
import type { Lang } from '../../shared/lang.ts';
import type { FlagDecision, FlagItem } from '../../shared/schemas/record-trust.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';
import { evidenceOf } from './evidence.ts';

const FLAG = { zh: '异常标记', en: 'Flag' };
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toItem(row: FlagRow, lang: Lang): FlagItem {
  const evidence = evidenceOf(row.evidence);
  return {
    id: Number(row.id),
    recordId: Number(row.record_id),
    kind: row.kind as FlagKind,
    status: row.status as FlagStatus,
    reason: flagReason(row.kind as FlagKind, evidence)[lang],
    evidence,
    raisedAt: iso(row.raised_at) as string,
    decidedBy: row.decided_by,
    decidedAt: iso(row.decided_at),
    decisionReason: row.decision_reason,
    naturalVillageCode: row.natural_village_code,
    householdId: Number(row.household_id),
    headName: row.head_name,
    memberId: Number(row.member_id),
    memberName: row.member_name,
    visitedOn: row.visited_on,
    content: row.content,
    recordStatus: row.record_status,
    confirmation: row.confirmation as Confirmation,
  };
}

/** One page of the queue (open flags unless a status is asked for) under `within`. */
export async function listFlagQueue(db: Kysely<Database>, county: string, filter: FlagFilter, lang: Lang) {
  const { rows, total } = await listFlags(db, county, filter);
  return { items: rows.map((r) => toItem(r, lang)), total, page: filter.page ?? 1, pageSize: filter.pageSize ?? 20 };
}

/**
 * Decides open flag `id`: clear (the record stands) or uphold (the record is returned with the reason). 404 for
 * an unknown flag, 409 for one already decided. Things done, the dashboard and points are told after commit.
 */
export async function decideFlagOf(
  db: Kysely<Database>,
  county: string,
  id: number,
  actor: Actor,
  input: FlagDecision,
  lang: Lang,
): Promise<FlagItem> {
  const reason = input.reason.trim();
  if (reason.length === 0) {
    throw AppError.rules([{ path: 'reason', code: 'required', message: { zh: '须说明理由', en: 'Give the reason' } }]);
  }
  await write(db, county, async (ctx) => {
    const flag = await findFlag(ctx.tx, county, id, true);
    if (!flag) throw AppError.notFound(FLAG);
    if (flag.status !== 'open') {
      throw new AppError('conflict', { zh: '该标记已处理', en: 'This flag has already been decided' });
    }
    const status = input.decision === 'clear' ? 'cleared' : 'upheld';
    await decideFlag(ctx.tx, county, id, { status, by: actor.userId, reason });
    const diff: Record<string, [unknown, unknown]> = { status: ['open', status], decision_reason: [null, reason] };
    if (status === 'upheld' && flag.record_status !== 'returned') {
      await setVerification(ctx.tx, county, Number(flag.record_id), 'returned', reason, actor.userId);
      diff.record_status = [flag.record_status, 'returned'];
      ctx.changed('thingsDone', 'assessment', 'dashboard');
      ctx.touched(flag.natural_village_code);
    }
    ctx.audit({
      action: `record_flag.${input.decision}`,
      table: 'record_flag',
      recordId: id,
      orgCode: flag.natural_village_code,
      diff,
    });
  });
  return toItem((await findFlag(db, county, id)) as FlagRow, lang);
}
