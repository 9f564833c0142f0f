/** List the current Party groups of a scope. */
import type { Kysely } from 'kysely';
import { type GroupFilter, listGroups } from '../../db/repositories/party-group-list.ts';
import type { Database } from '../../db/schema.ts';
import { toListItem } from './group-view.ts';

/** One page of current groups (retired ones are history), filtered by scope, gaps and name. */
export async function listPartyGroups(db: Kysely<Database>, county: string, request: GroupFilter) {
  const q = request.q?.trim();
  const { rows, total } = await listGroups(db, county, { ...request, q: q === '' ? undefined : q });
  return { items: rows.map(toListItem), total, page: request.page ?? 1, pageSize: request.pageSize ?? 20 };
}
