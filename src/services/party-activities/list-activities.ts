/** Activities of a scope or a group, filtered by kind, status and period; a page with the total. */
import type { Kysely } from 'kysely';
import { listActivities as listRows } from '../../db/repositories/party-activity-list.ts';
import type { Database } from '../../db/schema.ts';
import type { ActivityListQuery } from '../../shared/schemas/party-activity.ts';

export async function listActivities(db: Kysely<Database>, county: string, query: ActivityListQuery) {
  const { rows, total } = await listRows(db, county, query);
  return { items: rows, total, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
}
