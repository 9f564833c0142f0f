/** A household's timeline: help records, pairings, status changes and exit, newest first, paged. */
import type { Kysely } from 'kysely';
import { householdOf } from '../../db/repositories/help-record-parts.ts';
import { timelineRows } from '../../db/repositories/household-timeline.ts';
import { pageWindow } from '../../db/repositories/paging.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { HOUSEHOLD } from '../../domain/help-records.ts';

export interface TimelineQuery {
  page?: number | undefined;
  pageSize?: number | undefined;
}

const dateOf = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** One page of household `householdId`'s timeline; `hasMore` says whether an older page exists. */
export async function householdTimeline(db: Kysely<Database>, county: string, householdId: number, q: TimelineQuery) {
  const { page, pageSize, offset } = pageWindow(q);
  // Existence first: an empty timeline of an unknown household would tell nothing apart from a new one.
  const [household, rows] = await Promise.all([
    householdOf(db, county, householdId),
    timelineRows(db, county, householdId, pageSize + 1, offset),
  ]);
  if (!household) throw AppError.notFound(HOUSEHOLD);
  return {
    householdId,
    page,
    pageSize,
    hasMore: rows.length > pageSize,
    items: rows.slice(0, pageSize).map((r) => ({
      kind: r.kind,
      on: dateOf(r.on),
      refId: Number(r.ref_id),
      code: r.code,
      text: r.text,
      memberName: r.member_name,
      extra: r.extra,
    })),
  };
}
