/** List help records of a scope (filters, paging, sorting). */
import type { Kysely } from 'kysely';
import { type HelpRecordFilter, listHelpRecords as query } from '../../db/repositories/help-record-list.ts';
import type { Page } from '../../db/repositories/paging.ts';
import { pageWindow } from '../../db/repositories/paging.ts';
import type { Database } from '../../db/schema.ts';
import { type Actor, holdersOf, SYSTEM_ACTOR } from '../../domain/access/actor.ts';
import { reachOf } from '../../domain/access/linked-members.ts';
import { type HelpRecordView, toView } from './help-view.ts';

/**
 * One page of the records matching `filter` (already narrowed to the caller's scope by the access layer). With
 * `toVerify`, only submitted records the actor may verify (where their grants holding help.verify reach).
 */
export async function listHelpRecords(
  db: Kysely<Database>,
  county: string,
  filter: HelpRecordFilter & { toVerify?: boolean | undefined },
  actor: Actor = SYSTEM_ACTOR,
): Promise<Page<HelpRecordView>> {
  const { page, pageSize } = pageWindow(filter);
  const { toVerify, ...rest } = filter;
  const narrowed: HelpRecordFilter = toVerify
    ? { ...rest, status: 'submitted', reach: reachOf(holdersOf(actor, 'help.verify', county)) }
    : rest;
  const { rows, total } = await query(db, county, narrowed);
  return { items: rows.map(toView), total, page, pageSize };
}
