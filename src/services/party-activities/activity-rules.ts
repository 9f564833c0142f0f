/**
 * A county's rules of organisational life (组织生活制度) as data: which kinds each group must hold, how often,
 * and which earn attendance points. Read as the county's rows or, without any, the defaults; changed as a whole
 * set (settings.write over the county), audited with the rows that changed.
 */
import type { Kysely } from 'kysely';
import { findRules, lockRules, upsertRule } from '../../db/repositories/party-activities.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { rulesOf, type StoredRule } from '../../domain/party-life/activities.ts';
import { ACTIVITY_KINDS } from '../../shared/labels/party-activity.ts';
import type { ActivityRules } from '../../shared/schemas/party-activity.ts';
import type { Actor } from '../access/actor.ts';
import { write } from '../write.ts';

/** The rules in force for the county (every kind listed, in the code list's order). */
export async function rulesInForce(db: Kysely<Database>, county: string): Promise<StoredRule[]> {
  return rulesOf(await findRules(db, county));
}

export async function getActivityRules(db: Kysely<Database>, county: string): Promise<ActivityRules> {
  const rows = await findRules(db, county);
  const rules = rulesOf(rows).map(({ kind, frequency, countsForPoints, active }) => ({
    kind,
    frequency,
    countsForPoints,
    active,
  }));
  const order = (kind: string) => ACTIVITY_KINDS.indexOf(kind as (typeof ACTIVITY_KINDS)[number]);
  rules.sort((a, b) => order(a.kind) - order(b.kind));
  const latest = rows.reduce<Date | null>((at, r) => (at && at > r.updatedAt ? at : r.updatedAt), null);
  return { rules, isDefault: rows.length === 0, updatedAt: latest ? new Date(latest).toISOString() : null };
}

/**
 * Sets the rules of the kinds named (the others keep theirs; a county on the defaults gets the defaults written
 * first, so it then owns every kind). A kind named twice is 422; a change to nothing writes nothing.
 */
export async function setActivityRules(
  db: Kysely<Database>,
  county: string,
  actor: Actor,
  input: { rules: StoredRule[] },
): Promise<ActivityRules> {
  const seen = new Set<string>();
  const problems = input.rules.flatMap((rule, i) => {
    if (!seen.has(rule.kind)) {
      seen.add(rule.kind);
      return [];
    }
    return [
      {
        path: `rules/${i}/kind`,
        code: 'duplicate',
        message: { zh: '同一类活动只能设置一次', en: 'Each kind of activity is set once' },
      },
    ];
  });
  if (problems.length > 0) throw AppError.rules(problems);
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    await lockRules(tx, county);
    const rows = await findRules(tx, county);
    const before = new Map(rulesOf(rows).map((r) => [r.kind, r]));
    const next = new Map(before);
    for (const rule of input.rules) next.set(rule.kind, rule);
    const diff: Record<string, [unknown, unknown]> = {};
    for (const [kind, rule] of next) {
      const old = before.get(kind);
      const same =
        old?.frequency === rule.frequency && old.countsForPoints === rule.countsForPoints && old.active === rule.active;
      if (!same) diff[kind] = [old ?? null, rule];
    }
    if (rows.length > 0 && Object.keys(diff).length === 0) return;
    if (rows.length === 0) diff.source = ['default', 'county'];
    for (const rule of next.values()) await upsertRule(tx, county, rule, actor.userId);
    ctx.changed('activities');
    ctx.audit({ action: 'party_activity.rules_set', table: 'activity_rule', recordId: county, orgCode: county, diff });
  });
  return getActivityRules(db, county);
}
