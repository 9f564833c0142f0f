/**
 * A county's problem deadlines (办理时限): every category × urgency × level with the hours in force and whether
 * they are the code default or the county's own, and changes of some cells (set, or null = back to the default).
 * A change is checked on the whole table as it would be after it (domain/deadline-settings.ts, 422), written and
 * audited with one entry whose diff is cell → [own hours before, own hours after] (null = the default), in one
 * transaction. Problems read the rows when they are raised, escalated or swept, so nothing is remembered to drop.
 */

import type { Kysely } from 'kysely';
import { deadlineOverrides } from '../../db/repositories/problems.ts';
import { deleteDeadlines, lockCountySettings, upsertDeadlines } from '../../db/repositories/settings.ts';
import type { Database } from '../../db/schema.ts';
import {
  applyDeadlineChanges,
  cellKey,
  checkDeadlineChanges,
  DEADLINE_BOUNDS,
  type DeadlineChange,
  defaultHours,
  URGENCIES,
} from '../../domain/deadline-settings.ts';
import type { DeadlineOverride } from '../../domain/deadlines.ts';
import { AppError } from '../../domain/errors.ts';
import { LEVELS, type ProblemLevel } from '../../domain/escalation.ts';
import type { Lang } from '../../shared/lang.ts';
import { listDictionary, unknownCodes } from '../dictionary.ts';
import { write } from '../write.ts';

type CellView = { hours: number; defaultHours: number; own: boolean };

/** The table of the county's deadlines, one row per category and urgency, labels in `lang`. */
export async function getDeadlineSettings(db: Kysely<Database>, county: string, lang: Lang = 'zh') {
  const [categories, overrides] = await Promise.all([
    listDictionary(db, 'problem_category'),
    deadlineOverrides(db, county),
  ]);
  const own = new Map(overrides.map((o) => [cellKey(o), o.hours]));
  const rows = categories.flatMap((c) =>
    URGENCIES.map((urgency) => {
      const cells = {} as Record<ProblemLevel, CellView>;
      for (const level of LEVELS) {
        const fallback = defaultHours(c.code, urgency, level);
        const hours = own.get(cellKey({ category: c.code, urgency, level }));
        cells[level] = { hours: hours ?? fallback, defaultHours: fallback, own: hours !== undefined };
      }
      return { category: c.code, categoryLabel: c[lang], urgency, cells };
    }),
  );
  return { levels: [...LEVELS], bounds: DEADLINE_BOUNDS, rows };
}

/** cell → [own before, own after] for the cells whose own value changes (null = the default). */
function cellDiff(before: readonly DeadlineOverride[], after: readonly DeadlineOverride[]) {
  const was = new Map(before.map((o) => [cellKey(o), o.hours]));
  const now = new Map(after.map((o) => [cellKey(o), o.hours]));
  const diff: Record<string, [unknown, unknown]> = {};
  for (const key of new Set([...was.keys(), ...now.keys()])) {
    const [b, a] = [was.get(key) ?? null, now.get(key) ?? null];
    if (b !== a) diff[key] = [b, a];
  }
  return diff;
}

/** Sets or resets cells of the county's deadlines; 422 with every broken rule; the table after. */
export async function setDeadlines(db: Kysely<Database>, county: string, changes: DeadlineChange[], lang: Lang = 'zh') {
  const uses = changes.map((c, i) => ({ kind: 'problem_category', code: c.category, path: `cells.${i}.category` }));
  const unknown = await unknownCodes(db, uses);
  if (unknown.length > 0) throw AppError.rules(unknown);
  await write(db, county, async (ctx) => {
    const { tx } = ctx;
    await lockCountySettings(tx, county);
    const before = await deadlineOverrides(tx, county);
    const categories = (await listDictionary(tx, 'problem_category')).map((c) => c.code);
    const problems = checkDeadlineChanges(categories, before, changes);
    if (problems.length > 0) throw AppError.rules(problems);
    const after = applyDeadlineChanges(before, changes);
    const diff = cellDiff(before, after);
    if (Object.keys(diff).length === 0) return;
    await upsertDeadlines(
      tx,
      county,
      changes.flatMap((c) => (c.hours === null ? [] : [{ ...c, hours: c.hours }])),
    );
    await deleteDeadlines(
      tx,
      county,
      changes.filter((c) => c.hours === null),
    );
    const action = 'settings.deadlines.set';
    ctx.audit({ action, table: 'problem_deadline', recordId: county, orgCode: county, diff });
  });
  return getDeadlineSettings(db, county, lang);
}
