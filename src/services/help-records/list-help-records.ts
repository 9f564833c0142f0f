/** List help records of a scope (filters, paging, sorting). */
import type { Kysely } from 'kysely';
import { type HelpRecordFilter, listHelpRecords as query } from '../../db/repositories/help-record-list.ts';
import type { Page } from '../../db/repositories/paging.ts';
import { pageWindow } from '../../db/repositories/paging.ts';
import type { Database } from '../../db/schema.ts';
import { type HelpRecordView, toView } from './help-view.ts';

/** One page of the records matching `filter` (already narrowed to the caller's scope by the access layer). */
export async function listHelpRecords(
  db: Kysely<Database>,
  county: string,
  filter: HelpRecordFilter,
): Promise<Page<HelpRecordView>> {
  const { page, pageSize } = pageWindow(filter);
  const { rows, total } = await query(db, county, filter);
  return { items: rows.map(toView), total, page, pageSize };
}
