/** The audit viewer's query: filter by person, record, action and time, within the reader's scope, newest first. */
import type { Kysely } from 'kysely';
import { listAuditRows } from '../../db/repositories/audit-list.ts';
import type { Database } from '../../db/schema.ts';
import type { AuditQueryType } from '../../shared/schemas/access.ts';

export async function listAudit(db: Kysely<Database>, county: string, within: string, query: AuditQueryType) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const { rows, total } = await listAuditRows(db, county, within, { ...query, page, pageSize });
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
    total,
    page,
    pageSize,
  };
}
