/** The audit viewer's rows: a county's chain filtered by person, record, action and time, newest first. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { type PageRequest, pageWindow } from './paging.ts';

export interface AuditFilter extends PageRequest {
  actor?: string | undefined;
  table?: string | undefined;
  record?: string | undefined;
  action?: string | undefined;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** One page of entries under `within` (the reader's scope; the county itself means all) and their total. */
export async function listAuditRows(db: Kysely<Database>, county: string, within: string, filter: AuditFilter) {
  const { pageSize, offset } = pageWindow(filter);
  const base = db
    .selectFrom('audit_log')
    .where('county_code', '=', county)
    .$if(within !== county, (q) => q.where('org_code', 'like', `${within}%`))
    .$if(filter.actor !== undefined, (q) => q.where('actor', '=', filter.actor ?? ''))
    .$if(filter.table !== undefined, (q) => q.where('table_name', '=', filter.table ?? ''))
    .$if(filter.record !== undefined, (q) => q.where('record_id', '=', filter.record ?? ''))
    .$if(filter.action !== undefined, (q) => q.where('action', '=', filter.action ?? ''))
    .$if(filter.from !== undefined, (q) => q.where('at', '>=', new Date(filter.from ?? 0)))
    .$if(filter.to !== undefined, (q) => q.where('at', '<', new Date(filter.to ?? 0)));
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('seq', 'desc').limit(pageSize).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
