/**
 * The overdue sweep: every unsolved problem past its level's deadline goes up one level with a fresh deadline
 * (at the county it stays, flagged overdue once per deadline), with an automatic event in its trail, the new
 * holders notified and one audit entry per batch. One county at a time (a distributed database locks one
 * county's shard per statement), in batches of `batchSize` rows, each one write of that county; idempotent: an
 * escalated problem has a future deadline and a flagged one is skipped, so a second run finds nothing.
 */
import type { Kysely } from 'kysely';
import { insertNotifications } from '../../db/repositories/notifications.ts';
import {
  countiesToSweep,
  type Escalation,
  escalateMany,
  flagOverdue,
  type OverdueRow,
  overdueBatch,
  unitHolders,
} from '../../db/repositories/problem-sweep.ts';
import { deadlineOverrides, insertEvents } from '../../db/repositories/problems.ts';
import type { Database } from '../../db/schema.ts';
import { businessNow } from '../../domain/clock.ts';
import { type DeadlineOverride, deadlineHours, dueAt } from '../../domain/deadlines.ts';
import { holderCode, LEVEL_ROLES, nextLevel, type ProblemLevel } from '../../domain/escalation.ts';
import { currentContext } from '../audit/request-context.ts';
import { type WriteContext, write } from '../write.ts';
import { notificationText } from './notify.ts';

export interface SweepResult {
  checked: number;
  escalated: number;
}

/** What the sweep remembers of a county across batches. */
interface CountyCache {
  overrides: DeadlineOverride[];
  holders: Map<string, number[]>;
}

/** Users holding `level` (above the grid) at a natural village: the level role on the cut unit. */
function holdersOf(cache: CountyCache, level: ProblemLevel, nv: string): number[] {
  const role = LEVEL_ROLES[level].at(-1) as string;
  return cache.holders.get(`${role}:${holderCode(level, nv)}`) ?? [];
}

/** One batch of a county: escalations, flags, events, notifications and the audit entry. */
async function sweepBatch(ctx: WriteContext, rows: OverdueRow[], cache: CountyCache, now: Date) {
  const { tx, county } = ctx;
  const { actorId, actor } = currentContext();
  const moves: Escalation[] = [];
  const flagged: number[] = [];
  const events = [];
  const notes = [];
  for (const r of rows) {
    const id = Number(r.id);
    const up = nextLevel(r.level);
    const level = up ?? r.level;
    if (up) {
      const due = dueAt(now, deadlineHours(cache.overrides, r.category, r.urgency, up));
      moves.push({ id, level: up, holder: holderCode(up, r.natural_village_code), due });
    } else flagged.push(id);
    events.push({
      county_code: county,
      problem_id: id,
      action: up ? ('escalate' as const) : ('overdue' as const),
      actor_id: actorId,
      actor,
      from_level: r.level,
      to_level: level,
      from_status: r.status,
      to_status: up ? ('open' as const) : r.status,
      comment: up ? '超期自动上报 / escalated automatically: overdue' : '县级超期 / overdue at the county',
      automatic: true,
      at: now,
    });
    const kind = up ? ('problem_arrived' as const) : ('problem_overdue' as const);
    const text = notificationText(kind, id, r.head_name, level);
    for (const userId of holdersOf(cache, level, r.natural_village_code)) {
      notes.push({ county_code: county, user_id: userId, kind, problem_id: id, text_zh: text.zh, text_en: text.en });
    }
  }
  await escalateMany(tx, county, moves, now);
  await flagOverdue(tx, county, flagged, now);
  await insertEvents(tx, events);
  for (let i = 0; i < notes.length; i += 1000) await insertNotifications(tx, notes.slice(i, i + 1000));
  ctx.audit({
    action: 'problem.sweep',
    table: 'problem',
    recordId: `${rows[0]?.id}-${rows.at(-1)?.id}`,
    orgCode: county,
    diff: { escalated: [null, moves.map((m) => m.id)], flagged: [null, flagged] },
  });
  ctx.changed('thingsDone');
  return moves.length;
}

/** Runs the sweep over every county (or one) at `now`; how many late problems it found and how many it moved up. */
export async function sweepOverdue(
  db: Kysely<Database>,
  options: { now?: Date; batchSize?: number; county?: string } = {},
): Promise<SweepResult> {
  const now = options.now ?? businessNow();
  const batchSize = options.batchSize ?? 500;
  const result: SweepResult = { checked: 0, escalated: 0 };
  const counties = options.county ? [options.county] : await countiesToSweep(db, now);
  for (const county of counties) {
    const cache = { overrides: await deadlineOverrides(db, county), holders: await unitHolders(db, county) };
    let afterId = 0;
    for (;;) {
      const [batch, moved] = await write(db, county, async (ctx) => {
        const rows = await overdueBatch(ctx.tx, county, afterId, now, batchSize);
        return [rows, rows.length > 0 ? await sweepBatch(ctx, rows, cache, now) : 0] as const;
      });
      result.checked += batch.length;
      result.escalated += moved;
      if (batch.length < batchSize) break;
      afterId = Number(batch.at(-1)?.id);
    }
  }
  return result;
}
