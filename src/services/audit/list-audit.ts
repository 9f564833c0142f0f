/** The audit viewer's query: filter by person, record, action and time, within the reader's scope, newest first. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditQueryType } from '../../shared/schemas/access.ts';

export async function listAudit(db: Kysely<Database>, county: string, within: string, query: AuditQueryType) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const base = db
    .selectFrom('audit_log')
    .where('county_code', '=', county)
    .$if(within !== county, (q) => q.where('org_code', 'like', `${within}%`))
    .$if(query.actor !== undefined, (q) => q.where('actor', '=', query.actor ?? ''))
    .$if(query.table !== undefined, (q) => q.where('table_name', '=', query.table ?? ''))
    .$if(query.record !== undefined, (q) => q.where('record_id', '=', query.record ?? ''))
    .$if(query.action !== undefined, (q) => q.where('action', '=', query.action ?? ''))
    .$if(query.from !== undefined, (q) => q.where('at', '>=', new Date(query.from ?? 0)))
    .$if(query.to !== undefined, (q) => q.where('at', '<', new Date(query.to ?? 0)));
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      action: r.action,
      table: r.table_name,
      recordId: r.record_id,
      orgCode: r.org_code,
      diff: r.diff,
      ip: r.ip,
      requestId: r.request_id,
    })),
    total: Number(count.n),
    page,
    pageSize,
  };
}
